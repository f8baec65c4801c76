namespace Platform.Benchmarking;

public static class Percentiles
{
    /// <summary>Nearest-rank percentile: with 20 samples the p95 is the 19th fastest, a time that was actually seen.</summary>
    public static double NearestRank(IReadOnlyCollection<double> samples, double p)
    {
        if (samples.Count == 0)
            return double.NaN;
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
