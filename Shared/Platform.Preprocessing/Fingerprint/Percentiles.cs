namespace Platform.Preprocessing.Fingerprint;

/// <summary>
/// Percentiles by linear interpolation between closest ranks (numpy's default, Hyndman–Fan type 7):
/// position h = (n − 1)·p/100 in the sorted values, interpolated between ⌊h⌋ and ⌊h⌋ + 1.
/// nnU-Net's fingerprint and its 10th-percentile spacing use this definition.
/// </summary>
public static class Percentiles
{
    public static double OfSorted(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
            throw new ArgumentException("no values", nameof(sorted));
        if (percent is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "percent must be in [0, 100]");
        var h = (sorted.Count - 1) * percent / 100.0;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Count - 1)
            return sorted[^1];
        return sorted[lower] + ((h - lower) * (sorted[lower + 1] - sorted[lower]));
    }

    public static double Of(IEnumerable<double> values, double percent) =>
        OfSorted(values.Order().ToArray(), percent);

    public static AxisStatistics Describe(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return new AxisStatistics(
            OfSorted(sorted, 50), sorted[0], sorted[^1], OfSorted(sorted, 10), OfSorted(sorted, 90));
    }
}
