using Platform.Training.Evaluation;

namespace Platform.Training.Tests.Evaluation;

public sealed class RegressionMetricsTests
{
    [Fact]
    public void Errors_are_in_the_targets_units_and_r_squared_compares_with_predicting_the_mean()
    {
        double[] truth = [1, 2, 3, 6];

        var exact = RegressionMetrics.Compute(truth, truth);
        var mean = RegressionMetrics.Compute(truth, [3, 3, 3, 3]);
        var off = RegressionMetrics.Compute(truth, [2, 2, 2, 8]);

        Assert.Equal((0.0, 0.0, 1.0), (exact.MeanAbsoluteError, exact.MeanSquaredError, exact.RSquared));
        Assert.Equal(0.0, mean.RSquared, 12);
        Assert.Equal((2 + 1 + 0 + 3) / 4.0, mean.MeanAbsoluteError);
        // Errors 1, 0, −1, 2: MAE 1, MSE 6/4; SS_tot around 3 is 4 + 1 + 0 + 9 = 14, so R² = 1 − 6/14.
        Assert.Equal(1.0, off.MeanAbsoluteError);
        Assert.Equal(1.5, off.MeanSquaredError);
        Assert.Equal(1 - 6.0 / 14, off.RSquared, 12);
    }

    [Fact]
    public void Worse_than_the_mean_is_negative_and_constant_truth_has_no_r_squared()
    {
        Assert.True(RegressionMetrics.Compute([1, 2, 3], [3, 2, 1]).RSquared < 0);
        Assert.True(double.IsNaN(RegressionMetrics.Compute([2, 2], [1, 3]).RSquared));
        Assert.Contains("2 true values but 1", Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1, 2], [1])).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1, double.NaN], [1, 2])).Message);
    }
}
