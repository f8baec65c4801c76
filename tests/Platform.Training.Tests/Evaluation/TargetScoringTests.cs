using Platform.Plans.Tasks;
using Platform.Training.Evaluation;
using Platform.Training.Inference;

namespace Platform.Training.Tests.Evaluation;

public sealed class TargetScoringTests
{
    private static readonly CaseTargetTable Classes = new(TaskKind.Classification, ["none", "lesion"],
        [new CaseTarget("a", 0, null), new CaseTarget("b", 1, null), new CaseTarget("c", 1, null)]);

    [Fact]
    public void Predictions_get_their_cases_true_class_and_a_case_without_a_row_is_kept_but_not_scored()
    {
        var results = TargetScoring.Results(Classes, [
            new CaseTargetPrediction("a", 0, [0.9, 0.1], null),
            new CaseTargetPrediction("b", 0, [0.6, 0.4], null),
            new CaseTargetPrediction("c", 1, [0.2, 0.8], null),
            new CaseTargetPrediction("x", 1, [0.3, 0.7], null)]);

        Assert.Equal([0, 1, 1, null], results.Select(r => r.TrueClass));
        Assert.Equal([0, 0, 1, 1], results.Select(r => r.PredictedClass));
        var metrics = TargetScoring.Classification(results, 2)!;
        Assert.Equal(3, metrics.Cases);
        Assert.Equal(2.0 / 3, metrics.Accuracy, 12);
        // Lesion probabilities 0.4 and 0.8 against 0.1: both ranked above the one healthy case.
        Assert.Equal(1.0, metrics.AurocPerClass[1]);
        Assert.Equal([[1L, 0L], [1L, 1L]], metrics.Confusion.Select(r => r.ToArray()));
        Assert.Null(TargetScoring.Regression(results));
    }

    [Fact]
    public void Probabilities_that_are_not_one_per_class_are_refused_naming_the_case()
    {
        var results = TargetScoring.Results(Classes, [new CaseTargetPrediction("b", 0, [0.5, 0.3, 0.2], null)]);

        Assert.Contains("Case 'b' has 3 class probabilities; the run has 2", Assert.Throws<ArgumentException>(() => TargetScoring.Classification(results, 2)).Message);
    }

    [Fact]
    public void Regression_figures_come_from_the_cases_with_both_values()
    {
        var table = new CaseTargetTable(TaskKind.Regression, [], [new CaseTarget("a", null, 10), new CaseTarget("b", null, 20)]);
        var results = TargetScoring.Results(table, [
            new CaseTargetPrediction("a", null, [], 12),
            new CaseTargetPrediction("b", null, [], 17),
            new CaseTargetPrediction("x", null, [], 99)]);

        var metrics = TargetScoring.Regression(results)!;
        Assert.Equal((2, 2.5, 6.5), (metrics.Cases, metrics.MeanAbsoluteError, metrics.MeanSquaredError));
        Assert.Equal(1 - 13.0 / 50, metrics.RSquared, 12);
        Assert.Null(TargetScoring.Classification(results, 2));
    }
}
