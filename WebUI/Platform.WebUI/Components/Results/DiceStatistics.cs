namespace Platform.WebUI.Components.Results;

/// <summary>
/// The spread of one label's Dice over cases. NaN values (prediction and reference both empty) are left out of
/// every figure, as nnU-Net leaves them out of its means, and counted in <see cref="NaNCount"/> instead.
/// Quartiles interpolate linearly between order statistics (numpy's default), so figures match the Python tools;
/// the standard deviation is the population one (numpy's <c>std</c>). Whiskers follow Tukey: the most extreme
/// values within 1.5 interquartile ranges of the box; values beyond them are outliers.
/// </summary>
public sealed record DiceStatistics(
    int Count,
    int NaNCount,
    double Mean,
    double Median,
    double StandardDeviation,
    double Min,
    double Max,
    double LowerQuartile,
    double UpperQuartile,
    double LowerWhisker,
    double UpperWhisker)
{
    /// <summary>Figures of a set with no finite value: every statistic is NaN.</summary>
    public bool IsEmpty => Count == 0;

    public double InterquartileRange => UpperQuartile - LowerQuartile;

    /// <summary>True for a value drawn as an outlier dot (beyond the whiskers).</summary>
    public bool IsOutlier(double value) => !double.IsNaN(value) && (value < LowerWhisker || value > UpperWhisker);

    public static DiceStatistics Of(IEnumerable<double> values)
    {
        var all = values.ToList();
        var sorted = all.Where(v => !double.IsNaN(v)).Order().ToArray();
        var nan = all.Count - sorted.Length;
        if (sorted.Length == 0)
            return new DiceStatistics(0, nan, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

        var mean = sorted.Average();
        var deviation = Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / sorted.Length);
        var q1 = Quantile(sorted, 0.25);
        var q3 = Quantile(sorted, 0.75);
        var reach = 1.5 * (q3 - q1);
        // Every value inside the box lies within the fences, so both whiskers always find a value.
        var lowerWhisker = sorted.First(v => v >= q1 - reach);
        var upperWhisker = sorted.Last(v => v <= q3 + reach);
        return new DiceStatistics(sorted.Length, nan, mean, Quantile(sorted, 0.5), deviation, sorted[0], sorted[^1], q1, q3, lowerWhisker, upperWhisker);
    }

    /// <summary>The NaN-aware mean alone (NaN when no value is finite).</summary>
    public static double MeanOf(IEnumerable<double> values)
    {
        var finite = values.Where(v => !double.IsNaN(v)).ToList();
        return finite.Count == 0 ? double.NaN : finite.Average();
    }

    /// <summary>Quantile <paramref name="p"/> of ascending values, interpolating linearly at position p·(n−1).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
