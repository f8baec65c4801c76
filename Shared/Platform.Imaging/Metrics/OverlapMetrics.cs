using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Metrics;

/// <summary>
/// Confusion counts for every label in one pass: a joint histogram of (predicted, reference) label pairs,
/// built in parallel slabs with per-thread histograms, then read off per label.
/// </summary>
public static class OverlapMetrics
{
    /// <summary>Largest label value handled (histogram side); larger values are an argument error.</summary>
    public const int MaxLabel = 1023;

    public static IReadOnlyList<OverlapScores> Compute<T>(Volume<T> prediction, Volume<T> reference, IReadOnlyList<int> labels)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(labels);
        if (prediction.Shape != reference.Shape)
            throw new ArgumentException($"Prediction shape {prediction.Shape} differs from reference {reference.Shape}.", nameof(reference));
        var total = (long)prediction.Data.Length;
        var spacing = reference.Geometry.Spacing;
        var voxelVolume = spacing.X * spacing.Y * spacing.Z;
        var result = new List<OverlapScores>(labels.Count);
        if (prediction.Data is byte[] p8 && reference.Data is byte[] r8 && labels.Count <= 8)
        {
            // Few labels of a uint8 map: one vectorised pass per label beats the histogram's scattered increments.
            foreach (var label in labels)
            {
                var (tp, predicted, referenced) = label is >= 0 and <= 255 ? ByteLabelCounts.Count(p8, r8, (byte)label) : (0, 0, 0);
                result.Add(new OverlapScores(label, tp, predicted - tp, referenced - tp, total - predicted - referenced + tp, voxelVolume));
            }

            return result;
        }

        var joint = JointHistogram(prediction.Data, reference.Data, out var side);
        foreach (var label in labels)
        {
            long tp = 0, predicted = 0, referenced = 0;
            if (label >= 0 && label < side)
            {
                tp = joint[(label * side) + label];
                for (var other = 0; other < side; other++)
                {
                    predicted += joint[(label * side) + other];
                    referenced += joint[(other * side) + label];
                }
            }

            var fp = predicted - tp;
            var fn = referenced - tp;
            result.Add(new OverlapScores(label, tp, fp, fn, total - tp - fp - fn, voxelVolume));
        }

        return result;
    }

    private static long[] JointHistogram<T>(T[] prediction, T[] reference, out int side) where T : unmanaged, INumber<T>
    {
        var max = 0;
        foreach (var v in prediction)
            max = Math.Max(max, Label(v));
        foreach (var v in reference)
            max = Math.Max(max, Label(v));
        var n = max + 1;
        var joint = new long[n * n];
        const int chunk = 1 << 20;
        var gate = new object();
        Parallel.For(0, (prediction.Length + chunk - 1) / chunk, () => new long[n * n], (c, _, local) =>
        {
            var end = Math.Min(prediction.Length, (c + 1) * chunk);
            for (var i = (int)c * chunk; i < end; i++)
                local[(int.CreateTruncating(prediction[i]) * n) + int.CreateTruncating(reference[i])]++;
            return local;
        }, local =>
        {
            lock (gate)
                for (var i = 0; i < local.Length; i++)
                    joint[i] += local[i];
        });
        side = n;
        return joint;
    }

    private static int Label<T>(T value) where T : unmanaged, INumber<T>
    {
        var label = int.CreateSaturating(value);
        if (label < 0 || label > MaxLabel || T.CreateTruncating(label) != value)
            throw new ArgumentException($"Label value {value} is not an integer in 0..{MaxLabel}.", nameof(value));
        return label;
    }
}
