using Bunit;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class CrossValidationResultsViewTests : ResultsContext
{
    private static CrossValidationSnapshot Snapshot(CrossValidationResult? result = null) => new(
        "tiny-cv", new CrossValidationRequest("3d", 1, "default", 7), result is null ? CrossValidationState.Training : CrossValidationState.Completed,
        [
            new FoldProgress(0, "kidney-lab/kits/3d-f0-x", RunState.Completed, 10, 10, null),
            new FoldProgress(1, "kidney-lab/kits/3d-f1-y", RunState.Running, 4, 10, null),
        ],
        0.7, ["case_9"], result, null, DateTimeOffset.UnixEpoch, null);

    private IRenderedComponent<CrossValidationResultsView> Render(CrossValidationSnapshot snapshot, params FoldScores[] folds) =>
        Context.Render<CrossValidationResultsView>(p => p
            .Add(c => c.LabId, "kidney-lab").Add(c => c.Project, "kits").Add(c => c.Snapshot, snapshot).Add(c => c.Folds, folds));

    [Fact]
    public void Mean_Dice_is_tabled_per_fold_and_label_with_the_pooled_mean_last()
    {
        var view = Render(Snapshot(),
            new FoldScores(0, "3d-f0-x", [Score("a", 1, 0.9), Score("b", 1, 0.7), Score("a", 2, double.NaN), Score("b", 2, 0.4)]),
            new FoldScores(1, "3d-f1-y", [Score("c", 1, 0.2), Score("c", 2, 0.6)]));

        var rows = view.FindAll("[data-testid=fold-dice-row]");
        Assert.Equal(["0.800", "0.400"], rows[0].QuerySelectorAll("[data-testid=fold-dice-cell]").Select(c => c.TextContent));
        Assert.Equal(["0.200", "0.600"], rows[1].QuerySelectorAll("[data-testid=fold-dice-cell]").Select(c => c.TextContent));
        Assert.Equal(["0.600", "0.500"], view.FindAll("[data-testid=fold-dice-pooled-cell]").Select(c => c.TextContent));
        // One box per fold in each label's chart.
        Assert.All(view.FindAll("[data-testid=box-plot]"), svg => Assert.Equal(2, svg.QuerySelectorAll("li[data-series]").Length));
    }

    [Fact]
    public void The_pooled_table_names_each_case_s_fold_and_links_to_that_fold_s_run()
    {
        var view = Render(Snapshot(),
            new FoldScores(0, "3d-f0-x", [Score("a", 1, 0.9)]),
            new FoldScores(1, "3d-f1-y", [Score("c", 1, 0.2)]));

        var rows = view.FindAll("[data-testid=case-row]");
        Assert.Equal(["c", "a"], rows.Select(r => r.GetAttribute("data-case")));
        Assert.Equal(["1", "0"], rows.Select(r => r.QuerySelector("[data-testid=case-fold]")!.TextContent));
        Assert.EndsWith("case=c&run=3d-f1-y", rows[0].QuerySelector("[data-testid=case-viewer-link]")!.GetAttribute("href"));
        Assert.Equal("labs/kidney-lab/projects/kits/runs/3d-f0-x/results", view.FindAll("[data-testid=cv-fold-link]")[0].GetAttribute("href"));
    }

    [Fact]
    public void Before_any_fold_completes_it_says_results_appear_when_the_folds_complete() =>
        Assert.Contains("results appear when the folds' runs complete", Render(Snapshot()).Find("[data-testid=results-empty]").TextContent);

    [Fact]
    public void Once_evaluated_the_postprocessing_decisions_and_the_ensemble_s_test_scores_are_shown()
    {
        var result = new CrossValidationResult([], [], 2, [new PostprocessingChoice("keep-largest-component", 1, 0.7, 0.75, true)],
            [Score("case_9", 1, 0.88)], [], "cv/tiny-cv");

        var view = Render(Snapshot(result), new FoldScores(0, "3d-f0-x", [Score("a", 1, 0.9)]));

        Assert.Contains("yes", view.Find("[data-testid=cv-postprocessing-row]").TextContent);
        Assert.Contains("0.880", view.Find("[data-testid=cv-test-row]").TextContent);
        Assert.Single(view.FindAll("[data-testid=dice-summary-row]"));
    }
}
