namespace Platform.Preprocessing.Fingerprint;

/// <summary>
/// Percentiles by linear interpolation between closest ranks (numpy's default, Hyndman–Fan type 7):
/// position h = (n − 1)·p/100 in the sorted values, interpolated between ⌊h⌋ and ⌊h⌋ + 1.
/// nnU-Net's fingerprint and its 10th-percentile spacing use this definition.
/// </summary>
public static class Percentiles
{
    /// <summary>The imaging core's definition (the same numpy type 7), so fingerprint and case statistics agree.</summary>
    public static double OfSorted(double[] sorted, double percent) =>
        sorted.Length == 0
            ? throw new ArgumentException("no values", nameof(sorted))
            : Platform.Imaging.Intensity.Percentiles.FromSorted((ReadOnlySpan<double>)sorted, percent);

    public static double Of(IEnumerable<double> values, double percent) =>
        OfSorted(values.Order().ToArray(), percent);

    public static AxisStatistics Describe(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return new AxisStatistics(
            OfSorted(sorted, 50), sorted[0], sorted[^1], OfSorted(sorted, 10), OfSorted(sorted, 90));
    }
}
