using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Runs;
using Xunit;
using static Platform.WebUI.Tests.Runs.RunSamples;

namespace Platform.WebUI.Tests.Runs;

public sealed class RunSnapshotUpdatesTests
{
    [Fact]
    public void A_pushed_epoch_is_appended() =>
        Assert.Equal([0, 1, 2], RunSnapshotUpdates.WithEpoch(Run(RunState.Running, Epoch(0), Epoch(1)), Epoch(2)).Metrics.Select(m => m.Epoch));

    [Fact]
    public void An_epoch_repeated_after_a_resume_replaces_it_and_everything_after_it()
    {
        var run = RunSnapshotUpdates.WithEpoch(Run(RunState.Running, Epoch(0), Epoch(1), Epoch(2)), Epoch(1, trainLoss: 0.3));

        Assert.Equal([0, 1], run.Metrics.Select(m => m.Epoch));
        Assert.Equal(0.3, run.Metrics[^1].TrainLoss);
    }

    [Fact]
    public void A_re_read_run_wins_but_keeps_epochs_pushed_after_it_was_read()
    {
        var shown = Run(RunState.Running, Epoch(0), Epoch(1), Epoch(2));
        var fresh = Run(RunState.Running, Epoch(0), Epoch(1)) with { History = [] };

        var merged = RunSnapshotUpdates.WithRefresh(shown, fresh);

        Assert.Equal([0, 1, 2], merged.Metrics.Select(m => m.Epoch));
        Assert.Empty(merged.History);
    }
}
