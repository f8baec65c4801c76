using Platform.Imaging.Labels;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>
/// Foreground voxel locations per class in preprocessed space, for foreground oversampling. At most
/// <c>cap</c> per class (default 10,000 as nnU-Net), a uniform sample without replacement chosen by a seeded
/// <see cref="Random"/> (<see cref="ForegroundSampler"/>), so reruns give the same locations; ascending order.
/// </summary>
public static class ForegroundLocations
{
    public static IReadOnlyDictionary<int, VoxelIndex[]> Sample(Volume<byte> labels, int cap = ForegroundSampler.DefaultMaxPerLabel, int seed = 1234)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var shape = labels.Shape;
        var plane = shape.X * shape.Y;
        var result = new Dictionary<int, VoxelIndex[]>();
        foreach (var (label, flat) in ForegroundSampler.Sample(labels, cap, seed))
            result[label] = Array.ConvertAll(flat, i => new VoxelIndex(i % shape.X, i / shape.X % shape.Y, i / plane));
        return result;
    }
}
