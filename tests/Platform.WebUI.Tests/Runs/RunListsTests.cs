using Bunit;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Runs;
using Xunit;
using static Platform.WebUI.Tests.Runs.RunSamples;

namespace Platform.WebUI.Tests.Runs;

public sealed class RunListsTests : MudBlazorContext
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_run_row_links_to_the_run_and_shows_its_state_epochs_and_best_score_from_the_list()
    {
        var table = Context.Render<RunTable>(p => p
            .Add(c => c.LabId, Lab).Add(c => c.Project, Project)
            .Add(c => c.Runs, [Item(RunState.Running, 2, 10, best: 0.81234), Item(RunState.Queued, 0, null) with { Name = "tiny-f0-20250101000001-abcd" }]));

        Assert.Equal($"labs/{Lab}/projects/{Project}/runs/{RunId}", table.Find("[data-testid=run-row-link]").GetAttribute("href"));
        Assert.Equal(["Running", "Queued"], table.FindAll("[data-testid=run-row-state]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["2 / 10", "0 / ?"], table.FindAll("[data-testid=run-row-epochs]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["0.812", "—"], table.FindAll("[data-testid=run-row-best]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void No_runs_under_a_filter_says_none_match() =>
        Assert.Contains("match", Context.Render<RunTable>(p => p
            .Add(c => c.LabId, Lab).Add(c => c.Project, Project).Add(c => c.Runs, []).Add(c => c.Filtered, true))
            .Find("[data-testid=runs-empty]").TextContent);

    [Fact]
    public void No_runs_tells_a_scientist_how_to_start_one() =>
        Assert.Contains("Start one", Context.Render<RunTable>(p => p
            .Add(c => c.LabId, Lab).Add(c => c.Project, Project).Add(c => c.Runs, []).Add(c => c.CanStart, true))
            .Find("[data-testid=runs-empty]").TextContent);

    [Fact]
    public void The_queue_links_the_labs_own_runs_and_keeps_other_labs_anonymous()
    {
        var queue = new TrainingQueueView(
        [
            new QueueEntryView(0, QueueEntryStatus.Running, false, null, 5, Now, null, 3, 10, null, Now.AddMinutes(30), null),
            new QueueEntryView(1, QueueEntryStatus.Waiting, true, RunKey, 0, Now, null, null, 10, Now.AddMinutes(30), Now.AddHours(1), "no free training slot"),
        ], TrainingSlots: 1, MaxRunningPerLab: 1, At: Now);

        var table = Context.Render<QueueTable>(p => p.Add(c => c.LabId, Lab).Add(c => c.Queue, queue));

        Assert.Contains("another lab", table.Find("[data-testid=queue-other-row]").TextContent);
        Assert.Empty(table.Find("[data-testid=queue-other-row]").QuerySelectorAll("a"));
        Assert.Equal($"labs/{Lab}/projects/{Project}/runs/{RunId}", table.Find("[data-testid=queue-run-link]").GetAttribute("href"));
        Assert.Equal(["running", "1"], table.FindAll("[data-testid=queue-position]").Select(c => c.TextContent));
        Assert.StartsWith("in 30 min", table.Find("[data-testid=queue-own-row] [data-testid=queue-estimated-start]").TextContent);
    }

    [Fact]
    public void Folds_link_to_their_runs_with_epochs_done_of_total()
    {
        var table = Context.Render<FoldTable>(p => p
            .Add(c => c.LabId, Lab).Add(c => c.Project, Project)
            .Add(c => c.Folds, [new FoldProgress(1, $"{Lab}/{Project}/tiny-f1-20250101000000-abcd", RunState.Running, 4, 10, null), new FoldProgress(0, RunKey, RunState.Completed, 10, 10, null)]));

        Assert.Equal([$"labs/{Lab}/projects/{Project}/runs/{RunId}", $"labs/{Lab}/projects/{Project}/runs/tiny-f1-20250101000000-abcd"],
            table.FindAll("[data-testid=fold-run-link]").Select(a => a.GetAttribute("href")));
        Assert.Equal(["10 / 10", "4 / 10"], table.FindAll("[data-testid=fold-epochs]").Select(c => c.TextContent.Trim()));
    }
}
