using Platform.Grains.Abstractions.Training;
using Platform.Grains.Sweeps;
using Xunit;

namespace Platform.Grains.Tests.Sweeps;

public sealed class AshaTests
{
    [Theory]
    [InlineData(1, 2, 3, new[] { 1, 2 })]
    [InlineData(1, 3, 100, new[] { 1, 3, 9, 27, 81 })]
    [InlineData(10, 2, 50, new[] { 10, 20, 40 })]
    [InlineData(5, 2, 5, new int[0])]
    public void Rungs_lie_at_grace_times_eta_powers_below_the_maximum_budget(int grace, int eta, int max, int[] expected) =>
        Assert.Equal(expected, Asha.RungEpochs(grace, eta, max));

    [Fact]
    public void A_known_sequence_of_arrivals_is_judged_against_the_top_fraction_so_far()
    {
        // η = 2; metrics reach one rung in this order, and each goes on only within the top max(1, ⌊n/2⌋) of the n so far:
        // 0.5 first; 0.4 behind 0.5 (keep 1 of 2); 0.7 best of 3; 0.3 third of 4 (keep 2); 0.65 second of 5 (keep 2);
        // 0.6 third of 6 (keep 3); 0.45 fifth of 7 (keep 3).
        var arrivals = new[] { 0.5, 0.4, 0.7, 0.3, 0.65, 0.6, 0.45 };
        var recorded = new List<double>();
        var decisions = new List<bool>();
        foreach (var metric in arrivals)
        {
            decisions.Add(Asha.Continues(recorded, metric, 2));
            recorded.Add(metric);
        }

        Assert.Equal([true, false, true, false, true, true, false], decisions);
    }

    [Fact]
    public void With_eta_three_only_the_top_third_goes_on()
    {
        var recorded = new List<double> { 0.2, 0.8, 0.5, 0.6, 0.3 };
        // n = 6, keep 2: 0.7 has one ahead (0.8) and goes on; 0.55 has 0.8 and 0.6 ahead and stops.
        Assert.True(Asha.Continues(recorded, 0.7, 3));
        Assert.False(Asha.Continues(recorded, 0.55, 3));
    }

    [Fact]
    public void An_earlier_trial_wins_a_tie_and_nan_ranks_last()
    {
        Assert.False(Asha.Continues([0.5], 0.5, 2));
        Assert.True(Asha.Continues([], double.NaN, 2));
        Assert.False(Asha.Continues([0.0], double.NaN, 2));
        Assert.True(Asha.Continues([double.NaN], 0.0, 2));
    }

    [Fact]
    public void The_metric_is_the_pseudo_dice_ema_of_the_mean_foreground_dice()
    {
        static EpochMetrics Epoch(int e, params double[] dice) =>
            new(e, 1, null, dice.Select((d, i) => (i + 1, d)).ToDictionary(p => p.Item1, p => p.d), 0.01, 1);

        var series = Asha.PseudoDiceEma([Epoch(1, 0.4, 0.6), Epoch(0, 0.2, 0.0), Epoch(2, 1.0, 1.0)]);
        Assert.Equal(3, series.Count);
        Assert.Equal(0.1, series[0], 12);
        Assert.Equal((0.9 * 0.1) + (0.1 * 0.5), series[1], 12);
        Assert.Equal((0.9 * series[1]) + 0.1, series[2], 12);
    }

    [Fact]
    public void A_nan_label_is_left_out_of_the_mean_and_an_all_nan_epoch_keeps_the_previous_value()
    {
        static EpochMetrics Epoch(int e, params double[] dice) =>
            new(e, 1, null, dice.Select((d, i) => (i + 1, d)).ToDictionary(p => p.Item1, p => p.d), 0.01, 1);

        var series = Asha.PseudoDiceEma([Epoch(0, double.NaN, double.NaN), Epoch(1, 0.4, double.NaN), Epoch(2, double.NaN), Epoch(3, 0.6)]);
        Assert.True(double.IsNaN(series[0]));
        Assert.Equal(0.4, series[1], 12);
        Assert.Equal(0.4, series[2], 12);
        Assert.Equal((0.9 * 0.4) + 0.06, series[3], 12);
    }
}
