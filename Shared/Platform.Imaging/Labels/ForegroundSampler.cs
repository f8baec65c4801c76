using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Labels;

/// <summary>
/// Voxel locations per foreground label, for foreground oversampling during training. A label with more
/// voxels than <c>maxPerLabel</c> gets a uniform random subset of that size (without replacement, from a
/// seeded <see cref="Random"/>, so the same seed gives the same locations); results are flat voxel indices
/// in ascending order. nnU-Net stores 10,000 per class, which is the default.
/// </summary>
public static class ForegroundSampler
{
    public const int DefaultMaxPerLabel = 10_000;

    public static IReadOnlyDictionary<int, int[]> Sample<T>(Volume<T> labels, int maxPerLabel = DefaultMaxPerLabel, int seed = 1234)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerLabel, 1);
        var all = new Dictionary<int, List<int>>();
        for (var i = 0; i < labels.Data.Length; i++)
        {
            var value = labels.Data[i];
            if (value == T.Zero)
                continue;
            var label = int.CreateTruncating(value);
            if (!all.TryGetValue(label, out var list))
                all[label] = list = [];
            list.Add(i);
        }

        var random = new Random(seed);
        var result = new Dictionary<int, int[]>();
        foreach (var label in all.Keys.Order())
        {
            var indices = all[label].ToArray();
            if (indices.Length > maxPerLabel)
            {
                // Partial Fisher–Yates: the first maxPerLabel slots become a uniform sample.
                for (var i = 0; i < maxPerLabel; i++)
                {
                    var j = random.Next(i, indices.Length);
                    (indices[i], indices[j]) = (indices[j], indices[i]);
                }

                indices = indices[..maxPerLabel];
                Array.Sort(indices);
            }

            result[label] = indices;
        }

        return result;
    }
}
