using Platform.Imaging.Volumes;

namespace Platform.Training.Augmentation;

/// <summary>
/// Separable Gaussian smoothing of one channel with its own sigma (voxels) per axis, kernel truncated at 4σ and borders
/// mirrored (scipy.ndimage.gaussian_filter's defaults, which nnU-Net's blur used). Each axis pass is a sum of shifted,
/// weighted copies of whole rows or planes, so the inner loops are SIMD multiply-adds.
/// </summary>
public static class GaussianBlur
{
    /// <summary>Largest sigma accepted (keeps the kernel, and the scratch it needs, bounded).</summary>
    public const double MaxSigma = 8;

    private const double Truncate = 4;

    private static readonly int MaxRadius = Radius(MaxSigma);

    /// <summary>Floats of scratch <see cref="Apply"/> needs for a channel of <paramref name="size"/>.</summary>
    public static int ScratchLength(Shape3 size) => checked((int)size.VoxelCount + size.X + (2 * MaxRadius));

    public static void Apply(Span<float> channel, Shape3 size, double sigmaX, double sigmaY, double sigmaZ, Span<float> scratch)
    {
        var voxels = (int)size.VoxelCount;
        if (channel.Length != voxels)
            throw new ArgumentException($"The channel holds {channel.Length} voxels; {size} has {voxels}.", nameof(channel));
        if (scratch.Length < ScratchLength(size))
            throw new ArgumentException($"The scratch holds {scratch.Length} floats; blurring {size} needs {ScratchLength(size)}.", nameof(scratch));
        Span<float> kernel = stackalloc float[(2 * MaxRadius) + 1];

        if (sigmaX > 0 && size.X > 1)
        {
            var k = Kernel(sigmaX, kernel);
            var radius = k.Length / 2;
            var line = scratch[..(size.X + (2 * radius))];
            for (var start = 0; start < voxels; start += size.X)
            {
                var row = channel.Slice(start, size.X);
                for (var i = 0; i < line.Length; i++)
                    line[i] = row[Mirror(i - radius, size.X)];
                row.Clear();
                for (var t = 0; t < k.Length; t++)
                    VectorMath.AddScaled(row, line.Slice(t, size.X), k[t]);
            }
        }
        if (sigmaY > 0 && size.Y > 1)
            BlurAcrossBlocks(channel, scratch[..voxels], Kernel(sigmaY, kernel), blockLength: size.X, blocksPerGroup: size.Y, groups: size.Z);
        if (sigmaZ > 0 && size.Z > 1)
            BlurAcrossBlocks(channel, scratch[..voxels], Kernel(sigmaZ, kernel), blockLength: size.X * size.Y, blocksPerGroup: size.Z, groups: 1);
    }

    /// <summary>Smooths along an axis whose neighbours are whole blocks (rows for y, planes for z) apart.</summary>
    private static void BlurAcrossBlocks(Span<float> channel, Span<float> copy, ReadOnlySpan<float> kernel, int blockLength, int blocksPerGroup, int groups)
    {
        channel.CopyTo(copy);
        channel.Clear();
        var radius = kernel.Length / 2;
        var groupLength = blockLength * blocksPerGroup;
        for (var g = 0; g < groups; g++)
        {
            for (var b = 0; b < blocksPerGroup; b++)
            {
                var target = channel.Slice((g * groupLength) + (b * blockLength), blockLength);
                for (var t = 0; t < kernel.Length; t++)
                {
                    var from = Mirror(b + t - radius, blocksPerGroup);
                    VectorMath.AddScaled(target, copy.Slice((g * groupLength) + (from * blockLength), blockLength), kernel[t]);
                }
            }
        }
    }

    /// <summary>Normalised Gaussian weights for <paramref name="sigma"/>, written to the start of <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<float> Kernel(double sigma, Span<float> buffer)
    {
        if (!(sigma > 0 && sigma <= MaxSigma))
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, $"Blur sigma must lie within (0, {MaxSigma}].");
        var radius = Radius(sigma);
        var kernel = buffer[..((2 * radius) + 1)];
        double sum = 0;
        for (var i = -radius; i <= radius; i++)
            sum += Math.Exp(-0.5 * i * i / (sigma * sigma));
        for (var i = -radius; i <= radius; i++)
            kernel[i + radius] = (float)(Math.Exp(-0.5 * i * i / (sigma * sigma)) / sum);
        return kernel;
    }

    private static int Radius(double sigma) => (int)((Truncate * sigma) + 0.5);

    /// <summary>scipy's "reflect" border (d c b a | a b c d | d c b a), for any offset however far outside.</summary>
    internal static int Mirror(int index, int length)
    {
        var period = 2 * length;
        var m = index % period;
        if (m < 0)
            m += period;
        return m < length ? m : period - 1 - m;
    }
}
