using Bunit;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Runs;
using Platform.WebUI.Services;
using Xunit;
using static Platform.WebUI.Tests.Runs.RunSamples;

namespace Platform.WebUI.Tests.Runs;

/// <summary>The run view follows a real <see cref="RunProgressFeed"/>; the fake cluster lets the test push as a silo would.</summary>
public sealed class RunMonitorTests : MudBlazorContext
{
    private readonly ManualClock _clock = new();
    private readonly FakeCluster _cluster;
    private readonly RunProgressFeed _feed;

    public RunMonitorTests()
    {
        _cluster = new FakeCluster(new FakeRunGrain(Run(RunState.Running), _clock));
        _feed = Feed(_cluster, _clock);
    }

    private async Task<IRenderedComponent<RunMonitor>> RenderMonitorAsync(RunSnapshot run, LabRole role = LabRole.Scientist, int? totalEpochs = 5)
    {
        await _feed.FollowAsync(Lab, Project, RunId, "alice");
        return Context.Render<RunMonitor>(p => p
            .Add(c => c.LabId, Lab)
            .Add(c => c.Project, Project)
            .Add(c => c.Run, run)
            .Add(c => c.Feed, _feed)
            .Add(c => c.Access, new LabAccess(role, false))
            .Add(c => c.TotalEpochs, totalEpochs)
            .Add(c => c.Clock, _clock));
    }

    private static string LossPoints(IRenderedComponent<RunMonitor> view) =>
        view.Find("[data-testid=loss-chart] li[data-series='train loss']").GetAttribute("data-points")!;

    [Fact]
    public async Task A_run_waiting_for_preprocessing_says_so_with_the_jobs_progress_and_names_its_dataset()
    {
        var waiting = Run(RunState.Preparing) with
        {
            Preparation = new RunPreparation("Waiting for preprocessing of dataset tiny_0123456789", 3, 10),
            Dataset = new RunDataset(7, "tiny_0123456789", "preprocessed/lab/kits/tiny_0123456789"),
        };

        var view = await RenderMonitorAsync(waiting);

        Assert.Equal("Waiting for preprocessing of dataset tiny_0123456789: 3 of 10 cases", view.Find("[data-testid=run-preparation]").TextContent.Trim());
        Assert.Contains("tiny_0123456789 (fingerprint #7)", view.Find("[data-testid=run-dataset]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_pause_read_with_the_run_shows_on_a_freshly_opened_page()
    {
        var pausing = Run(RunState.Running, Epoch(0), Epoch(1)) with { PauseRequested = true };

        var view = await RenderMonitorAsync(pausing);

        var pause = view.Find("[data-testid=run-pause-button]");
        Assert.Equal("Pausing at the end of epoch 3…", pause.TextContent.Trim());
        Assert.True(pause.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Pushed_progress_within_the_epoch_shows_the_iteration_its_speed_and_the_time_left()
    {
        var view = await RenderMonitorAsync(Run(RunState.Running, Epoch(0)));
        Assert.Empty(view.FindAll("[data-testid=run-iterations]"));

        _cluster.Observer!.IterationsReported(RunKey, new RunIterations(1, 40, 250, 2.5, TimeSpan.FromSeconds(525), TimeSpan.FromHours(2), DateTimeOffset.UnixEpoch));

        view.WaitForAssertion(() => Assert.Equal(
            "Epoch 2 of 5: iteration 40 of 250 · 2.5 s per iteration · about 9 min left in this epoch, 2 h in the run",
            view.Find("[data-testid=run-iterations]").TextContent.Trim()));
        Assert.Equal("16", view.Find("[data-testid=run-epoch-progress]").GetAttribute("aria-valuenow"));

        // Once the epoch is recorded the report is stale: it is not shown as progress of the next epoch.
        _cluster.Observer!.EpochRecorded(RunKey, Epoch(1));
        view.WaitForAssertion(() => Assert.Empty(view.FindAll("[data-testid=run-iterations]")));
    }

    [Fact]
    public async Task A_pushed_epoch_adds_a_point_to_every_curve_without_reloading()
    {
        var view = await RenderMonitorAsync(Run(RunState.Running, Epoch(0, 1.0), Epoch(1, 0.8)));
        Assert.Equal("2", LossPoints(view));

        _cluster.Observer!.EpochRecorded(RunKey, Epoch(2, 0.6));

        view.WaitForAssertion(() =>
        {
            Assert.Equal("3", LossPoints(view));
            Assert.Equal("3", view.Find("[data-testid=lr-chart] li").GetAttribute("data-points"));
            Assert.Equal(["3", "3"], view.FindAll("[data-testid=dice-chart] li").Select(l => l.GetAttribute("data-points")));
            Assert.Equal("3 / 5 epochs", view.Find("[data-testid=run-epochs]").TextContent.Trim());
        });
    }

    [Fact]
    public async Task The_first_pushed_epoch_replaces_the_empty_note_with_curves()
    {
        var view = await RenderMonitorAsync(Run(RunState.Running));
        Assert.NotNull(view.Find("[data-testid=loss-chart-empty]"));

        _cluster.Observer!.EpochRecorded(RunKey, Epoch(0));

        view.WaitForAssertion(() => Assert.Equal("1", LossPoints(view)));
    }

    [Fact]
    public async Task A_pushed_state_change_updates_the_state_and_the_buttons()
    {
        var view = await RenderMonitorAsync(Run(RunState.Running, Epoch(0)));
        Assert.NotNull(view.Find("[data-testid=run-pause-button]"));

        _cluster.Observer!.StateChanged(RunKey, RunState.Paused, "paused after the checkpoint of epoch 0");

        view.WaitForAssertion(() =>
        {
            Assert.Equal("Paused", view.Find("[data-testid=run-state]").TextContent.Trim());
            Assert.NotNull(view.Find("[data-testid=run-resume-button]"));
            Assert.Empty(view.FindAll("[data-testid=run-pause-button]"));
        });
    }

    [Fact]
    public async Task A_completed_run_links_to_its_results_and_offers_no_actions()
    {
        var view = await RenderMonitorAsync(Run(RunState.Completed, Epoch(0), Epoch(1)));

        Assert.Equal($"labs/{Lab}/projects/{Project}/runs/{RunId}/results", view.Find("[data-testid=run-results-link]").GetAttribute("href"));
        Assert.Empty(view.FindAll("[data-testid=run-actions]"));
        Assert.Empty(view.FindAll("[data-testid=run-eta]"));
    }

    [Fact]
    public async Task A_viewer_sees_the_run_but_no_buttons()
    {
        var view = await RenderMonitorAsync(Run(RunState.Running, Epoch(0)), LabRole.Viewer);

        Assert.Equal("Running", view.Find("[data-testid=run-state]").TextContent.Trim());
        Assert.Empty(view.FindAll("[data-testid=run-actions]"));
    }

    [Fact]
    public async Task The_eta_is_computed_from_the_epochs_so_far()
    {
        var view = await RenderMonitorAsync(Run(RunState.Running, Epoch(0, seconds: 20), Epoch(1, seconds: 40)), totalEpochs: 12);

        Assert.Equal("About 5 min left (10 epochs at 30 s each).", view.Find("[data-testid=run-eta]").TextContent.Trim());
    }

    [Fact]
    public async Task The_history_lists_every_transition_with_its_reason()
    {
        var run = Run(RunState.Queued) with
        {
            History =
            [
                new RunTransition(RunState.Queued, RunState.Queued, DateTimeOffset.UnixEpoch, "alice", "created"),
                new RunTransition(RunState.Running, RunState.Queued, DateTimeOffset.UnixEpoch, "platform", "lost at epoch 7"),
            ],
        };

        var view = await RenderMonitorAsync(run);

        Assert.Equal(["created", "lost at epoch 7"], view.FindAll("[data-testid=run-history-reason]").Select(r => r.TextContent));
    }

    [Fact]
    public async Task A_failed_beat_shows_a_warning_until_a_later_read_succeeds()
    {
        var grain = new FakeRunGrain(Run(RunState.Running), _clock) { Unreachable = true };
        await using var feed = Feed(new FakeCluster(grain), _clock);
        await feed.FollowAsync(Lab, Project, RunId, "alice");
        var view = Context.Render<RunMonitor>(p => p
            .Add(c => c.LabId, Lab).Add(c => c.Project, Project).Add(c => c.Run, Run(RunState.Running))
            .Add(c => c.Feed, feed).Add(c => c.Access, new LabAccess(LabRole.Scientist, false)));

        await feed.TickAsync();
        view.WaitForAssertion(() => Assert.Contains("interrupted", view.Find("[data-testid=run-live-warning]").TextContent));

        grain.Unreachable = false;
        grain.Snapshot = Run(RunState.Running, Epoch(0));
        await feed.TickAsync();
        view.WaitForAssertion(() =>
        {
            Assert.Empty(view.FindAll("[data-testid=run-live-warning]"));
            Assert.Equal("1", LossPoints(view));
        });
    }
}
