namespace Platform.Preprocessing.Planning;

public enum NetworkDimensions
{
    /// <summary>2D network on (x, y) slices.</summary>
    TwoD = 2,
    /// <summary>3D network on (x, y, z) patches.</summary>
    ThreeD = 3,
}

/// <summary>
/// Knobs of auto-configuration. Defaults are nnU-Net v2's (8 GB reference budget, 32 base features,
/// 320/512 cap, batch 2 while fitting the patch, 5% dataset cap, feature maps ≥ 4 voxels, no cap on stages).
/// </summary>
public sealed record PlanningOptions
{
    public NetworkDimensions Dimensions { get; init; } = NetworkDimensions.ThreeD;

    /// <summary>GPU memory the plan must fit, in GB (10^9 bytes).</summary>
    public double GpuMemoryBudgetGb { get; init; } = 8;

    public int BaseFeatures { get; init; } = 32;

    /// <summary>Feature cap; null means 320 in 3D, 512 in 2D.</summary>
    public int? MaxFeatures { get; init; }

    /// <summary>Most resolution stages (the first stage plus one per pooling); null means no cap, as in nnU-Net.</summary>
    public int? MaxStages { get; init; }

    public int ConvolutionsPerStage { get; init; } = 2;

    /// <summary>Smallest feature-map edge at the bottleneck: an axis is pooled only while its edge is ≥ 2× this.</summary>
    public int MinFeatureMapEdge { get; init; } = 4;

    /// <summary>Edge of the cube whose volume the first patch has: 256 (3D, 256³) / 2048 (2D, 2048²) when null.</summary>
    public int? InitialPatchEdge { get; init; }

    /// <summary>Batch size that must fit while the patch shrinks: null means 2, nnU-Net's smallest batch, in 2D and 3D.</summary>
    public int? ReferenceBatchSize { get; init; }

    public int MinBatchSize { get; init; } = 2;

    /// <summary>One batch may cover at most this fraction of the dataset's voxels (at target spacing).</summary>
    public double MaxBatchFractionOfDataset { get; init; } = 0.05;

    internal int Axes => (int)Dimensions;
    internal int FeatureCap => MaxFeatures ?? (Dimensions == NetworkDimensions.ThreeD ? 320 : 512);
    internal int StageCap => MaxStages ?? int.MaxValue;
    internal int StartEdge => InitialPatchEdge ?? (Dimensions == NetworkDimensions.ThreeD ? 256 : 2048);
    internal int FitBatch => ReferenceBatchSize ?? 2;
    internal double BudgetBytes => GpuMemoryBudgetGb * 1e9;
}
