using Platform.Imaging.Volumes;

namespace Platform.Training.Data;

/// <summary>
/// One batch of training patches, laid out as the tensors the network takes: images [B, C, Z, Y, X] and labels
/// [B, 1, Z, Y, X], row-major with x fastest (the order of <see cref="Volume{T}.Data"/>), so each copy into a
/// tensor is one block. <see cref="Index"/> is the batch's position in the run's batch sequence: a batch is a pure
/// function of (seed, index), which is what makes a resumed run repeat an uninterrupted one exactly.
/// </summary>
public sealed class TrainingBatch
{
    public TrainingBatch(long index, int batchSize, int channels, Shape3 patchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (patchSize.IsEmpty)
            throw new ArgumentException("The patch size must be positive.", nameof(patchSize));
        Index = index;
        BatchSize = batchSize;
        Channels = channels;
        PatchSize = patchSize;
        Images = new float[checked(batchSize * channels * (int)patchSize.VoxelCount)];
        Labels = new byte[checked(batchSize * (int)patchSize.VoxelCount)];
    }

    public long Index { get; }

    public int BatchSize { get; }

    public int Channels { get; }

    /// <summary>Patch extent in voxels (x, y, z); the tensor dimensions are (Z, Y, X).</summary>
    public Shape3 PatchSize { get; }

    /// <summary>[B, C, Z, Y, X] as one flat array.</summary>
    public float[] Images { get; }

    /// <summary>[B, 1, Z, Y, X] class indices (after <c>remapping_train</c>).</summary>
    public byte[] Labels { get; }

    /// <summary>The tensor shape of <see cref="Images"/>.</summary>
    public long[] ImageShape => [BatchSize, Channels, PatchSize.Z, PatchSize.Y, PatchSize.X];

    /// <summary>The tensor shape of <see cref="Labels"/>.</summary>
    public long[] LabelShape => [BatchSize, 1, PatchSize.Z, PatchSize.Y, PatchSize.X];
}
