using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Runs;
using Xunit;
using static Platform.WebUI.Tests.Runs.RunSamples;

namespace Platform.WebUI.Tests.Runs;

public sealed class RunEtaTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_running_run_needs_its_remaining_epochs_times_the_mean_epoch_time() =>
        // 2 of 10 epochs done at 30 s and 90 s: 8 × 60 s = 8 min.
        Assert.Equal("About 8 min left (8 epochs at 1 min each).",
            RunEta.Describe(RunState.Running, [Epoch(0, seconds: 30), Epoch(1, seconds: 90)], 10, null, Now));

    [Fact]
    public void A_running_run_past_its_last_epoch_is_evaluating() =>
        Assert.Equal("Training done; predicting and scoring the validation cases.",
            RunEta.Describe(RunState.Running, [Epoch(0, seconds: 20), Epoch(1, seconds: 20)], 2, null, Now));

    [Fact]
    public void Before_the_first_epoch_there_is_no_estimate_yet() =>
        Assert.Equal("Training; an estimate follows the first epoch.", RunEta.Describe(RunState.Running, [], 10, null, Now));

    [Fact]
    public void A_queued_run_shows_its_place_and_the_queues_estimates()
    {
        var entry = new QueueEntryView(2, QueueEntryStatus.Waiting, true, RunKey, 0, Now, null, null, 10,
            Now.AddMinutes(15), Now.AddHours(2).AddMinutes(15), "no free training slot");

        Assert.Equal("Queued at position 2; should start in about 15 min and finish in about 2 h 15 min.",
            RunEta.Describe(RunState.Queued, [], 10, entry, Now));
    }

    [Fact]
    public void A_queued_run_without_estimates_says_why() =>
        Assert.Contains("no start estimate yet", RunEta.Describe(RunState.Queued, [], 10, null, Now));

    [Fact]
    public void A_paused_run_says_how_much_training_is_left() =>
        Assert.Equal("Paused; about 40 s of training left once resumed.", RunEta.Describe(RunState.Paused, [Epoch(0, seconds: 10)], 5, null, Now));

    [Theory]
    [InlineData(RunState.Completed)]
    [InlineData(RunState.Failed)]
    [InlineData(RunState.Cancelled)]
    public void A_finished_run_has_no_estimate(RunState state) => Assert.Null(RunEta.Describe(state, [Epoch(0)], 5, null, Now));

    [Theory]
    [InlineData(42, "42 s")]
    [InlineData(600, "10 min")]
    [InlineData(7500, "2 h 5 min")]
    [InlineData(3 * 86400 + 4 * 3600, "3 d 4 h")]
    public void Durations_read_as_people_say_them(int seconds, string expected) => Assert.Equal(expected, RunEta.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Epochs_done_count_from_zero() => Assert.Equal(3, RunEpochs.Done([Epoch(0), Epoch(1), Epoch(2)]));
}
