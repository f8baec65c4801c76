using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Fingerprint;

/// <summary>Voxel count of one label in one case.</summary>
public sealed record LabelVoxels(int Label, long Voxels);

/// <summary>
/// Foreground intensity statistics of one channel of one case. <see cref="Std"/> is the population
/// standard deviation (divide by n, numpy's default, as FRAN and nnU-Net compute it).
/// <see cref="Samples"/> is an optional bounded, uniformly drawn sample of foreground intensities
/// used to pool percentiles across cases.
/// </summary>
public sealed record ChannelIntensityStats(
    long Count,
    double Mean,
    double Std,
    double Min,
    double Max,
    double Percentile00_5,
    double Percentile99_5,
    IReadOnlyList<double>? Samples = null);

/// <summary>What the datasource scan recorded for one case (after cropping, as nnU-Net fingerprints).</summary>
/// <param name="CaseId">Case id, unique within its datasource.</param>
/// <param name="Datasource">The datasource the case belongs to.</param>
/// <param name="Shape">Size in voxels.</param>
/// <param name="Spacing">Voxel spacing in mm.</param>
/// <param name="Labels">Labels present with their voxel counts (background may be listed).</param>
/// <param name="Channels">Foreground intensity statistics, one per channel (modality).</param>
/// <param name="ExclusionReason">Non-null when the case is left out of the fingerprint, and why.</param>
public sealed record CaseStatistics(
    string CaseId,
    string Datasource,
    GridSize Shape,
    Vector3D Spacing,
    IReadOnlyList<LabelVoxels> Labels,
    IReadOnlyList<ChannelIntensityStats> Channels,
    string? ExclusionReason = null)
{
    public bool Excluded => ExclusionReason is not null;
}
