using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Planning;

/// <summary>One resolution stage of the U-Net encoder (the decoder mirrors it).</summary>
/// <param name="Features">Output channels of the stage's convolutions.</param>
/// <param name="KernelSize">Convolution kernel per axis (3, or 1 on a much coarser axis).</param>
/// <param name="Stride">Downsampling into this stage per axis (1 for the first stage; 2 where pooled).</param>
/// <param name="Convolutions">Convolutions in the stage.</param>
public sealed record NetworkStage(int Features, IReadOnlyList<int> KernelSize, IReadOnlyList<int> Stride, int Convolutions);

/// <summary>The result of auto-configuration, with a note explaining each decision.</summary>
/// <param name="Dimensions">2D or 3D.</param>
/// <param name="TargetSpacing">Spacing every case is resampled to (mm, x/y/z).</param>
/// <param name="MedianShapeAtTarget">Median image size in voxels at the target spacing (x/y/z).</param>
/// <param name="PatchSize">Patch in voxels, one entry per network axis.</param>
/// <param name="BatchSize">Patches per training step.</param>
/// <param name="Stages">Network topology, first (full resolution) stage first.</param>
/// <param name="EstimatedMemoryBytes">Estimated training memory at this patch and batch.</param>
/// <param name="MemoryBudgetBytes">The budget it was planned for.</param>
/// <param name="Notes">Human-readable reasons, in the order the decisions were made.</param>
public sealed record AutoPlan(
    NetworkDimensions Dimensions,
    Vector3D TargetSpacing,
    IReadOnlyList<int> MedianShapeAtTarget,
    IReadOnlyList<int> PatchSize,
    int BatchSize,
    IReadOnlyList<NetworkStage> Stages,
    long EstimatedMemoryBytes,
    long MemoryBudgetBytes,
    IReadOnlyList<string> Notes)
{
    /// <summary>Total downsampling per axis: the patch must be divisible by it.</summary>
    public IReadOnlyList<int> PoolingFactor =>
        Enumerable.Range(0, PatchSize.Count).Select(a => Stages.Aggregate(1, (f, s) => f * s.Stride[a])).ToList();
}
