using Platform.Imaging.Volumes;

namespace Platform.Training.Augmentation;

/// <summary>
/// Simulates a coarser acquisition (nnU-Net's SimulateLowResolutionTransform): the channel is shrunk by
/// <c>zoom</c> with nearest-neighbour sampling and brought back to its size with trilinear interpolation (pixel
/// centres aligned, as torch's interpolate with align_corners=False). Axes listed as kept are not resampled.
/// </summary>
public static class LowResolution
{
    private const int StackTableLimit = 1024;

    /// <summary>The reduced grid for <paramref name="zoom"/>: round(size·zoom), at least 1, along resampled axes.</summary>
    public static Shape3 ReducedSize(Shape3 size, double zoom, bool keepZ) => new(
        Math.Max(1, (int)Math.Round(size.X * zoom, MidpointRounding.ToEven)),
        Math.Max(1, (int)Math.Round(size.Y * zoom, MidpointRounding.ToEven)),
        keepZ ? size.Z : Math.Max(1, (int)Math.Round(size.Z * zoom, MidpointRounding.ToEven)));

    /// <summary>Floats of scratch <see cref="Apply"/> needs for a channel of <paramref name="size"/>.</summary>
    public static int ScratchLength(Shape3 size) => (int)size.VoxelCount;

    public static void Apply(Span<float> channel, Shape3 size, double zoom, bool keepZ, Span<float> scratch)
    {
        var voxels = (int)size.VoxelCount;
        if (channel.Length != voxels)
            throw new ArgumentException($"The channel holds {channel.Length} voxels; {size} has {voxels}.", nameof(channel));
        if (!(zoom > 0 && zoom <= 1))
            throw new ArgumentOutOfRangeException(nameof(zoom), zoom, "The zoom of a simulated low resolution must lie within (0, 1].");
        var small = ReducedSize(size, zoom, keepZ);
        if (small == size)
            return;
        var reduced = scratch[..(int)small.VoxelCount];

        Span<int> nearestX = small.X <= StackTableLimit ? stackalloc int[small.X] : new int[small.X];
        Span<int> nearestY = small.Y <= StackTableLimit ? stackalloc int[small.Y] : new int[small.Y];
        Span<int> nearestZ = small.Z <= StackTableLimit ? stackalloc int[small.Z] : new int[small.Z];
        NearestTable(nearestX, size.X);
        NearestTable(nearestY, size.Y);
        NearestTable(nearestZ, size.Z);
        var output = 0;
        for (var z = 0; z < small.Z; z++)
        {
            for (var y = 0; y < small.Y; y++)
            {
                var row = channel.Slice((nearestZ[z] * size.Y * size.X) + (nearestY[y] * size.X), size.X);
                for (var x = 0; x < small.X; x++)
                    reduced[output++] = row[nearestX[x]];
            }
        }

        Span<int> lowX = size.X <= StackTableLimit ? stackalloc int[size.X] : new int[size.X];
        Span<int> highX = size.X <= StackTableLimit ? stackalloc int[size.X] : new int[size.X];
        Span<float> weightX = size.X <= StackTableLimit ? stackalloc float[size.X] : new float[size.X];
        LinearTable(lowX, highX, weightX, small.X);
        output = 0;
        for (var z = 0; z < size.Z; z++)
        {
            var (z0, z1, wz) = LinearEntry(z, size.Z, small.Z);
            for (var y = 0; y < size.Y; y++)
            {
                var (y0, y1, wy) = LinearEntry(y, size.Y, small.Y);
                var r00 = reduced.Slice(((z0 * small.Y) + y0) * small.X, small.X);
                var r01 = reduced.Slice(((z0 * small.Y) + y1) * small.X, small.X);
                var r10 = reduced.Slice(((z1 * small.Y) + y0) * small.X, small.X);
                var r11 = reduced.Slice(((z1 * small.Y) + y1) * small.X, small.X);
                for (var x = 0; x < size.X; x++)
                {
                    int x0 = lowX[x], x1 = highX[x];
                    var wx = weightX[x];
                    var a = Lerp(Lerp(r00[x0], r00[x1], wx), Lerp(r01[x0], r01[x1], wx), wy);
                    var b = Lerp(Lerp(r10[x0], r10[x1], wx), Lerp(r11[x0], r11[x1], wx), wy);
                    channel[output++] = Lerp(a, b, wz);
                }
            }
        }
    }

    /// <summary>torch's "nearest-exact": reduced voxel i takes full voxel floor((i + 0.5)·full/reduced).</summary>
    private static void NearestTable(Span<int> table, int full)
    {
        var ratio = (double)full / table.Length;
        for (var i = 0; i < table.Length; i++)
            table[i] = Math.Min(full - 1, (int)Math.Floor((i + 0.5) * ratio));
    }

    private static void LinearTable(Span<int> low, Span<int> high, Span<float> weight, int reduced)
    {
        for (var i = 0; i < low.Length; i++)
            (low[i], high[i], weight[i]) = LinearEntry(i, low.Length, reduced);
    }

    /// <summary>Full voxel i sits at (i + 0.5)·reduced/full − 0.5 on the reduced grid, clamped to its ends.</summary>
    private static (int Low, int High, float Weight) LinearEntry(int i, int full, int reduced)
    {
        var position = Math.Max(0, ((i + 0.5) * reduced / full) - 0.5);
        var low = Math.Min(reduced - 1, (int)position);
        var high = Math.Min(reduced - 1, low + 1);
        return (low, high, (float)(position - low));
    }

    private static float Lerp(float a, float b, float w) => ((1f - w) * a) + (w * b);
}
