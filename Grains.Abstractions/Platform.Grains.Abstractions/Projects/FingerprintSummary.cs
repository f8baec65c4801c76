using Platform.Plans;

namespace Platform.Grains.Abstractions.Projects;

/// <summary>Median, range and 10th/90th percentiles of one axis over a project's cases.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.AxisSummary")]
public sealed record AxisSummary(
    [property: Id(0)] double Median,
    [property: Id(1)] double Min,
    [property: Id(2)] double Max,
    [property: Id(3)] double Percentile10,
    [property: Id(4)] double Percentile90);

/// <summary>Foreground intensity statistics of one channel pooled over a project (nnU-Net's fingerprint).</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.ChannelSummary")]
public sealed record ChannelSummary(
    [property: Id(0)] int Channel,
    [property: Id(1)] long Voxels,
    [property: Id(2)] double Mean,
    [property: Id(3)] double StandardDeviation,
    [property: Id(4)] double Min,
    [property: Id(5)] double Max,
    [property: Id(6)] double Percentile00_5,
    [property: Id(7)] double Percentile99_5,
    [property: Id(8)] int Samples);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.LabelSummary")]
public sealed record LabelSummary(
    [property: Id(0)] int Label,
    [property: Id(1)] int Cases,
    [property: Id(2)] long Voxels);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.ExcludedCaseSummary")]
public sealed record ExcludedCaseSummary(
    [property: Id(0)] string Datasource,
    [property: Id(1)] string CaseId,
    [property: Id(2)] string Reason);

/// <summary>
/// A project's dataset fingerprint: spacing and shape statistics, intensities, labels, and the cases left out and why.
/// <paramref name="Id"/>, <paramref name="Hash"/> and <paramref name="CreatedAt"/> name the stored fingerprint it was
/// read from (computed once per scan; 0, "" and default on a summary that was never stored).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.FingerprintSummary")]
public sealed record FingerprintSummary(
    [property: Id(0)] int Cases,
    [property: Id(1)] long TotalVoxels,
    [property: Id(2)] IReadOnlyList<string> Datasources,
    [property: Id(3)] IReadOnlyList<AxisSummary> Spacing,
    [property: Id(4)] IReadOnlyList<AxisSummary> Shape,
    [property: Id(5)] IReadOnlyList<ChannelSummary> Channels,
    [property: Id(6)] IReadOnlyList<LabelSummary> Labels,
    [property: Id(7)] IReadOnlyList<ExcludedCaseSummary> Excluded,
    [property: Id(8)] long Id = 0,
    [property: Id(9)] string Hash = "",
    [property: Id(10)] DateTimeOffset CreatedAt = default);

/// <summary>What auto-configuration should plan for.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.PlanSuggestionRequest")]
public sealed record PlanSuggestionRequest(
    [property: Id(0)] IReadOnlyList<string>? Datasources = null,
    [property: Id(1)] int Dimensions = 3,
    [property: Id(2)] double GpuMemoryGb = 8);

/// <summary>A plan filled from the fingerprint by nnU-Net's rules, with one note per decision.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.PlanSuggestion")]
public sealed record PlanSuggestion(
    [property: Id(0)] PlanSettings Settings,
    [property: Id(1)] IReadOnlyList<string> Notes,
    [property: Id(2)] long EstimatedMemoryBytes,
    [property: Id(3)] FingerprintSummary Fingerprint);
