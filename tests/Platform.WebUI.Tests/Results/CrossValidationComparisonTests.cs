using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class CrossValidationComparisonTests : ResultsContext
{
    private static FoldScores Fold(int fold, string runId, params (string Case, double Dice)[] scores) =>
        new(fold, runId, [.. scores.Select(s => Score(s.Case, 1, s.Dice))]);

    [Fact]
    public void A_cross_validation_compares_as_its_folds_pooled_and_each_case_opens_the_fold_run_that_scored_it()
    {
        var a = ComparedRun.Pooled("cv-a", [Fold(0, "a-f0", ("case_1", 0.5)), Fold(1, "a-f1", ("case_2", 0.7))]);
        var b = ComparedRun.Pooled("cv-b", [Fold(0, "b-f0", ("case_2", 0.9)), Fold(1, "b-f1", ("case_1", 0.6))]);

        Assert.Equal(["case_1", "case_2"], RunComparison.SharedCases([a, b]).Order());
        Assert.Equal(0.15, RunComparison.MeanDifference(b, a, 1), 9); // (0.1 + 0.2) / 2, paired by case across folds
        var rows = RunComparison.Rows([a, b], 1);
        Assert.Equal(["a-f0", "a-f1"], rows.Select(r => r.RunId));
    }

    [Fact]
    public void A_run_compared_opens_its_own_prediction() =>
        Assert.Equal("run-1", new ComparedRun("run-1", [Score("case_1", 1, 0.5)]).RunOf("case_1"));
}
