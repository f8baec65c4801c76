using Platform.Grains.Abstractions.Results;
using Platform.Grains.CrossValidation;
using Xunit;

namespace Platform.Grains.Tests.CrossValidation;

public sealed class CrossValidationMeansTests
{
    private static CaseScore Score(string caseId, int label, double dice) => new(caseId, label, dice, dice, 0, 0, 0, 0, 0);

    [Fact]
    public void A_label_empty_on_both_sides_of_a_case_is_left_out_of_its_mean_and_count()
    {
        var means = CrossValidationEvaluator.MeanPerLabel(
        [
            Score("a", 1, 0.8), Score("b", 1, 0.6), Score("c", 1, double.NaN),
            Score("a", 2, double.NaN), Score("b", 2, double.NaN),
        ]);

        Assert.Equal([1, 2], means.Select(m => m.Label));
        Assert.Equal(0.7, means[0].MeanDice, 12);
        Assert.Equal(2, means[0].Cases);
        Assert.True(double.IsNaN(means[1].MeanDice));
        Assert.Equal(0, means[1].Cases);
    }

    [Fact]
    public void Surface_and_lesion_figures_are_averaged_and_lesion_f1_is_also_pooled()
    {
        // Case a: 3 lesions, 2 found, 3 components, 2 matched (F1 2/3). Case b: its one lesion found by its one component (F1 1).
        var means = CrossValidationEvaluator.MeanPerLabel(
        [
            new CaseScore("a", 1, 0.6, 0.5, 0, 0, 0, 0, 0, Hd95Mm: 2, SurfaceDice: 0.5, LesionDice: 0.4, ReferenceLesions: 3, DetectedLesions: 2, PredictedLesions: 3, MatchedPredictions: 2),
            new CaseScore("b", 1, 0.8, 0.7, 0, 0, 0, 0, 0, Hd95Mm: 4, SurfaceDice: 0.7, LesionDice: 0.8, ReferenceLesions: 1, DetectedLesions: 1, PredictedLesions: 1, MatchedPredictions: 1),
        ]);

        var label = Assert.Single(means);
        Assert.Equal(3, label.MeanHd95Mm, 12);
        Assert.Equal(0.6, label.MeanSurfaceDice, 12);
        Assert.Equal(0.6, label.MeanLesionDice, 12);
        Assert.Equal(5.0 / 6, label.MeanLesionF1, 12);
        Assert.Equal(0.75, label.PooledLesionF1, 12); // 3 of 4 lesions found, 3 of 4 components matched
    }
}
