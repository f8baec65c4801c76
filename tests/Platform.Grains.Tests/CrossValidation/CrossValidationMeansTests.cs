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
}
