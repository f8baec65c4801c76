namespace Platform.Imaging.Intensity;

/// <summary>
/// Exact percentiles with numpy's default method ('linear'): sort, then interpolate between the values at
/// ranks floor(h) and ceil(h) with h = q/100 · (n − 1). Sorts a copy: O(n log n), exact for any n.
/// </summary>
public static class Percentiles
{
    public static double[] Compute(ReadOnlySpan<float> values, params double[] percents)
    {
        ArgumentNullException.ThrowIfNull(percents);
        if (values.Length == 0)
            return percents.Select(_ => double.NaN).ToArray();
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return percents.Select(q => FromSorted(sorted, q)).ToArray();
    }

    public static double FromSorted(ReadOnlySpan<float> sorted, double percent)
    {
        if (percent is < 0 or > 100 || double.IsNaN(percent))
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "Percentiles lie between 0 and 100.");
        if (sorted.Length == 0)
            return double.NaN;
        var h = percent / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((h - lower) * ((double)sorted[upper] - sorted[lower]));
    }

    public static double FromSorted(ReadOnlySpan<double> sorted, double percent)
    {
        if (percent is < 0 or > 100 || double.IsNaN(percent))
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "Percentiles lie between 0 and 100.");
        if (sorted.Length == 0)
            return double.NaN;
        var h = percent / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }
}
