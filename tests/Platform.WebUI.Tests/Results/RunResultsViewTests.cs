using Bunit;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class RunResultsViewTests : ResultsContext
{
    private static RunSnapshot Run(RunState state, RunResultSummary? result = null) => new(
        "3d-f0-run", new RunRequest("3d", 2, 0, 42, "default"), state, "1.0", DateTimeOffset.UnixEpoch, "alice", [], [], null, result);

    private IRenderedComponent<RunResultsView> Render(RunSnapshot run, IReadOnlyList<CaseScore> scores) => Context.Render<RunResultsView>(p => p
        .Add(c => c.LabId, "kidney-lab").Add(c => c.Project, "kits").Add(c => c.RunId, "3d-f0-run")
        .Add(c => c.Run, run).Add(c => c.Scores, scores));

    [Fact]
    public void A_run_without_scores_yet_says_results_appear_when_it_completes()
    {
        var view = Render(Run(RunState.Running), []);

        Assert.Contains("results appear when the run completes", view.Find("[data-testid=results-empty]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=dice-summary-row]"));
        Assert.Empty(view.FindAll("[data-testid=case-row]"));
    }

    [Fact]
    public void A_completed_run_without_scores_explains_why_instead_of_waiting() =>
        Assert.Contains("no validation case with a reference label", Render(Run(RunState.Completed), []).Find("[data-testid=results-empty]").TextContent);

    [Fact]
    public void A_scored_run_shows_a_summary_row_and_a_box_plot_per_label_and_a_row_per_case()
    {
        var result = new RunResultSummary(10, new Dictionary<string, double> { ["val-loss"] = 0.25 }, "checkpoint", "done");
        var view = Render(Run(RunState.Completed, result), [Score("a", 1, 0.9), Score("a", 2, 0.5), Score("b", 1, 0.6), Score("b", 2, double.NaN)]);

        Assert.Contains("Plan 3d v2, fold 0 of split default", view.Find("[data-testid=run-results-info]").TextContent);
        Assert.Equal("val-loss: 0.250", view.Find("[data-testid=run-final-metric]").TextContent.Trim());
        Assert.Equal(2, view.FindAll("[data-testid=dice-summary-row]").Count);
        Assert.Equal(2, view.FindAll("[data-testid=box-plot]").Count);
        Assert.Equal(["b", "a"], view.FindAll("[data-testid=case-row]").Select(r => r.GetAttribute("data-case")));
        Assert.Equal(4, view.FindAll("[data-testid=case-dice]").Count);
    }
}
