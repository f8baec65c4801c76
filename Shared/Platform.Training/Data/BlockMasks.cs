using Platform.Imaging.Volumes;

namespace Platform.Training.Data;

/// <summary>
/// Random block masks for masked-image-modelling pretraining: the patch is tiled with cubes of
/// <see cref="MaskingOptions.BlockSize"/> voxels per axis (the last block on an axis may be cut by the border), and
/// exactly round(ratio × blocks) of them, drawn without replacement, are masked. Whole blocks, not single voxels:
/// a masked voxel whose neighbours are visible is recovered by interpolation, which teaches an encoder nothing.
/// </summary>
public static class BlockMasks
{
    /// <summary>One mask per sample, [B, 1, Z, Y, X] flat, 1 where masked; drawn from <paramref name="random"/>.</summary>
    public static float[] Draw(Random random, int batchSize, Shape3 patch, MaskingOptions options)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int size = options.BlockSize;
        int bx = (patch.X + size - 1) / size, by = (patch.Y + size - 1) / size, bz = (patch.Z + size - 1) / size;
        int blocks = bx * by * bz;
        int masked = (int)Math.Round(options.MaskRatio * blocks);
        int voxels = (int)patch.VoxelCount;
        var mask = new float[batchSize * voxels];
        var order = new int[blocks];
        var chosen = new bool[blocks];
        for (int b = 0; b < batchSize; b++)
        {
            for (int i = 0; i < blocks; i++)
                order[i] = i;
            random.Shuffle(order);
            Array.Clear(chosen);
            for (int i = 0; i < masked; i++)
                chosen[order[i]] = true;
            var sample = mask.AsSpan(b * voxels, voxels);
            for (int z = 0, v = 0; z < patch.Z; z++)
                for (int y = 0; y < patch.Y; y++)
                    for (int x = 0; x < patch.X; x++, v++)
                        sample[v] = chosen[((z / size) * by + y / size) * bx + x / size] ? 1f : 0f;
        }

        return mask;
    }
}

/// <summary>How masked-image-modelling pretraining hides the input.</summary>
/// <param name="MaskRatio">Fraction of blocks masked, in (0, 1); 0.75 as in Asparagus and MAE.</param>
/// <param name="BlockSize">Edge of a masked cube in voxels.</param>
/// <param name="Fill">What masked voxels are set to.</param>
public sealed record MaskingOptions(double MaskRatio = 0.75, int BlockSize = 4, MaskFill Fill = MaskFill.Zero)
{
    /// <exception cref="ArgumentException">A setting out of range, named.</exception>
    public void Validate()
    {
        if (!(MaskRatio > 0 && MaskRatio < 1))
            throw new ArgumentException($"The mask ratio must be in (0, 1) (got {MaskRatio}).", nameof(MaskRatio));
        if (BlockSize < 1)
            throw new ArgumentException($"The mask block size must be at least 1 voxel (got {BlockSize}).", nameof(BlockSize));
    }
}

/// <summary>What a masked voxel holds in the network's input.</summary>
public enum MaskFill
{
    /// <summary>0, the mean of a z-scored image.</summary>
    Zero,

    /// <summary>Standard normal noise, so the network cannot tell masked voxels by their constant value alone.</summary>
    Noise,
}
