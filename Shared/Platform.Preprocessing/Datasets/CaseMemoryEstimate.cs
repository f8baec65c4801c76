using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Datasets;

/// <summary>
/// An upper estimate of one case's peak memory in <see cref="DatasetPreprocessor"/>, from file headers only.
/// With V input voxels, C channels of s bytes per voxel, a label of l bytes per voxel and r = output voxels / V
/// (the spacing ratio, or the patch size over V in whole mode):
/// <code>bytes = V · (C·s + 2·s + 4·C·r + l + 2 + r) + 64 MiB</code>
/// — the loaded channels, one channel cropped and reoriented in its own type (two copies at worst), the float32
/// outputs, the loaded label, its byte version and its cropped/reoriented copy, the resampled byte label, and a
/// fixed allowance for plane buffers, foreground sampling and the runtime. Measured against the benchmark's
/// 512×512×1000 int16 CT (see README, Benchmarks).
/// </summary>
public static class CaseMemoryEstimate
{
    public const long FixedBytes = 64L << 20;

    public static long Bytes(Shape3 shape, Vector3D spacing, int channels, int channelVoxelBytes, int? labelVoxelBytes, CasePreprocessingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var voxels = (double)shape.VoxelCount;
        double ratio;
        if (settings.Mode == CaseMode.Whole && settings.PatchSize is { } patch)
            ratio = patch.VoxelCount / voxels;
        else
        {
            var target = settings.TargetSpacing;
            ratio = spacing.X * spacing.Y * spacing.Z / (target.X * target.Y * target.Z);
        }

        var perVoxel = (channels * channelVoxelBytes) + (2.0 * channelVoxelBytes) + (4.0 * channels * ratio);
        if (labelVoxelBytes is { } l)
            perVoxel += l + 2 + ratio;
        return (long)Math.Ceiling(voxels * perVoxel) + FixedBytes;
    }

    /// <summary>From the first channel's header (all channels share its grid and type) and the label's, if any.</summary>
    public static long Bytes(VolumeHeader firstChannel, int channels, VolumeHeader? label, CasePreprocessingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(firstChannel);
        return Bytes(firstChannel.Shape, firstChannel.Geometry.Spacing, channels, VoxelTypes.SizeOf(firstChannel.LoadedType),
            label is null ? null : VoxelTypes.SizeOf(label.LoadedType), settings);
    }
}
