using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;

namespace Platform.Training.Data;

/// <summary>
/// Buffers one worker reuses for every sample it builds, sized once for the largest block it can read (the sampled
/// patch) — so building a batch allocates nothing but the batch itself.
/// </summary>
public sealed class BatchWorkspace
{
    public BatchWorkspace(int channels, Shape3 sampledPatch, Shape3 finalPatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        var sampledVoxels = checked((int)sampledPatch.VoxelCount);
        SourceImage = new float[checked(channels * sampledVoxels)];
        SourceLabel = new byte[sampledVoxels];
        Scratch = new float[IntensityAugmentation.ScratchLength(finalPatch)];
    }

    /// <summary>The block of the sampled patch a spatial transform reads (all channels).</summary>
    public float[] SourceImage { get; }

    public byte[] SourceLabel { get; }

    /// <summary>Scratch for the intensity augmentations (one channel of the final patch and a little more).</summary>
    public float[] Scratch { get; }
}
