using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class DiceStatisticsTests
{
    // Expected figures from Python's statistics module (mean, median, pstdev, quantiles(method="inclusive") = numpy's linear quantiles).
    private static readonly double[] Values = [0.80, 0.05, 0.70, double.NaN, 0.72, 0.74, 0.60, 0.76, 0.78];

    [Fact]
    public void Figures_leave_NaN_out_and_count_it()
    {
        var statistics = DiceStatistics.Of(Values);

        Assert.Equal(8, statistics.Count);
        Assert.Equal(1, statistics.NaNCount);
        Assert.Equal(0.64375, statistics.Mean, 12);
        Assert.Equal(0.73, statistics.Median, 12);
        Assert.Equal(0.2316213235002339, statistics.StandardDeviation, 12);
        Assert.Equal((0.05, 0.80), (statistics.Min, statistics.Max));
    }

    [Fact]
    public void Quartiles_interpolate_linearly_between_order_statistics()
    {
        var statistics = DiceStatistics.Of(Values);

        Assert.Equal(0.675, statistics.LowerQuartile, 12);
        Assert.Equal(0.765, statistics.UpperQuartile, 12);
    }

    [Fact]
    public void Whiskers_reach_the_last_values_within_one_and_a_half_box_lengths_and_the_rest_are_outliers()
    {
        var statistics = DiceStatistics.Of(Values);

        // Fences: 0.675 − 1.5·0.09 = 0.54 and 0.765 + 0.135 = 0.90.
        Assert.Equal(0.60, statistics.LowerWhisker, 12);
        Assert.Equal(0.80, statistics.UpperWhisker, 12);
        Assert.Equal([0.05], Values.Where(statistics.IsOutlier));
    }

    [Fact]
    public void Without_a_finite_value_every_figure_is_NaN()
    {
        var statistics = DiceStatistics.Of([double.NaN, double.NaN]);

        Assert.True(statistics.IsEmpty);
        Assert.Equal(2, statistics.NaNCount);
        Assert.True(double.IsNaN(statistics.Mean) && double.IsNaN(statistics.Median) && double.IsNaN(statistics.UpperWhisker));
        Assert.False(statistics.IsOutlier(0.5));
    }

    [Fact]
    public void One_value_is_its_own_box()
    {
        var statistics = DiceStatistics.Of([0.4]);

        Assert.Equal((0.4, 0.4, 0.4, 0.4, 0.4, 0.0), (statistics.LowerWhisker, statistics.LowerQuartile, statistics.Median,
            statistics.UpperQuartile, statistics.UpperWhisker, statistics.StandardDeviation));
    }

    [Fact]
    public void The_mean_alone_is_NaN_aware() =>
        Assert.Equal(0.5, DiceStatistics.MeanOf([0.25, double.NaN, 0.75]), 12);
}
