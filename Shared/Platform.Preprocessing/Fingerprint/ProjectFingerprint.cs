using System.Text.Json.Serialization;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Fingerprint;

/// <summary>Distribution of one per-case quantity along one axis.</summary>
public sealed record AxisStatistics(double Median, double Min, double Max, double Percentile10, double Percentile90);

/// <summary>The same statistics for x, y and z.</summary>
public sealed record AxisSet(AxisStatistics X, AxisStatistics Y, AxisStatistics Z)
{
    // Derived from the axes: left out of the stored document (FingerprintJson), which holds each number once.
    [JsonIgnore]
    public Vector3D Median => new(X.Median, Y.Median, Z.Median);

    [JsonIgnore]
    public Vector3D Percentile10 => new(X.Percentile10, Y.Percentile10, Z.Percentile10);
}

/// <summary>Where a channel's pooled percentiles come from.</summary>
public enum PercentileSource
{
    /// <summary>Linear-interpolation percentiles of all cases' foreground samples, concatenated.</summary>
    PooledSamples,
    /// <summary>No case had samples: the median of the per-case percentiles (an approximation).</summary>
    MedianOfCasePercentiles,
}

/// <summary>Foreground intensity statistics of one channel over the whole project.</summary>
public sealed record ChannelFingerprint(
    int Channel,
    long Count,
    double Mean,
    double Std,
    double Min,
    double Max,
    double Percentile00_5,
    double? Median,
    double Percentile99_5,
    PercentileSource PercentileSource,
    int SampleCount);

/// <summary>How often a label occurs: cases containing it and its total voxels.</summary>
public sealed record LabelFrequency(int Label, int Cases, long Voxels);

public sealed record ExcludedCase(string Datasource, string CaseId, string Reason);

/// <summary>The project's dataset fingerprint: the input of auto-configuration.</summary>
/// <param name="CaseCount">Included cases.</param>
/// <param name="TotalVoxels">Voxels of the included cases at their own spacing.</param>
/// <param name="Datasources">Datasources with at least one included case, sorted.</param>
/// <param name="Spacing">Per-case spacing (mm).</param>
/// <param name="Shape">Per-case size in voxels.</param>
/// <param name="Extent">Per-case physical size (shape × spacing, mm).</param>
/// <param name="Channels">Pooled foreground intensity statistics per channel.</param>
/// <param name="Labels">Union of labels with frequencies, sorted by label.</param>
/// <param name="Excluded">Cases left out and why, sorted by datasource then case id.</param>
public sealed record ProjectFingerprint(
    int CaseCount,
    long TotalVoxels,
    IReadOnlyList<string> Datasources,
    AxisSet Spacing,
    AxisSet Shape,
    AxisSet Extent,
    IReadOnlyList<ChannelFingerprint> Channels,
    IReadOnlyList<LabelFrequency> Labels,
    IReadOnlyList<ExcludedCase> Excluded);
