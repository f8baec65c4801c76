namespace Platform.Imaging.Metrics;

/// <summary>
/// Aggregates over cases as nnU-Net summarises them: per label the mean over cases ignoring NaN (a label
/// absent from both prediction and reference says nothing), and the foreground mean = mean of the
/// per-label means of labels other than background (0).
/// </summary>
public static class MetricAggregation
{
    public static double NanMean(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double sum = 0;
        var count = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
                continue;
            sum += v;
            count++;
        }

        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>Per-label nan-means of one score (e.g. Dice) over cases, keyed by label.</summary>
    public static IReadOnlyDictionary<int, double> PerLabel(IEnumerable<IReadOnlyDictionary<int, double>> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.SelectMany(c => c)
            .GroupBy(kv => kv.Key, kv => kv.Value)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => NanMean(g));
    }

    public static double ForegroundMean(IReadOnlyDictionary<int, double> perLabel)
    {
        ArgumentNullException.ThrowIfNull(perLabel);
        return NanMean(perLabel.Where(kv => kv.Key != 0).Select(kv => kv.Value));
    }
}
