using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Datasets;

/// <summary>The per-case numbers of <see cref="StoredCaseStatistics"/>, from the stored arrays.</summary>
internal static class CaseStatisticsCalculator
{
    public static ChannelMoments Moments(float[] data)
    {
        // Normalised data has mean ≈ 0 and std ≈ 1, so sums of squares in double lose nothing that matters here.
        const int chunk = 1 << 20;
        var chunks = (data.Length + chunk - 1) / chunk;
        var parts = new (double Sum, double Squares, float Min, float Max)[chunks];
        Parallel.For(0, chunks, c =>
        {
            double sum = 0, squares = 0;
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            var end = Math.Min(data.Length, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
            {
                var v = data[i];
                sum += v;
                squares += (double)v * v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            parts[c] = (sum, squares, min, max);
        });
        var total = parts.Sum(p => p.Sum);
        var totalSquares = parts.Sum(p => p.Squares);
        long count = data.Length;
        if (count == 0)
            return new ChannelMoments(0, 0, 0, 0, 0);
        var mean = total / count;
        var variance = Math.Max(0, (totalSquares / count) - (mean * mean));
        return new ChannelMoments(count, mean, Math.Sqrt(variance), parts.Min(p => p.Min), parts.Max(p => p.Max));
    }

    /// <summary>Voxels per nonzero label value.</summary>
    public static Dictionary<int, long> LabelVoxels(Volume<byte>? label)
    {
        var counts = new long[256];
        if (label is not null)
            foreach (var v in label.Data)
                counts[v]++;
        var result = new Dictionary<int, long>();
        for (var v = 1; v < counts.Length; v++)
            if (counts[v] > 0)
                result[v] = counts[v];
        return result;
    }
}
