using Platform.Grains.Abstractions.Datasources;

namespace Platform.Grains.Datasources;

/// <summary>
/// One datasource_case row as written by a scan. <c>FilesJson</c> holds the case's file signatures for the next
/// incremental scan; <c>ChannelsJson</c> the per-channel statistics with their intensity samples (for the project fingerprint).
/// </summary>
public sealed record CatalogRow(
    string CaseId,
    CaseStatus Status,
    IReadOnlyList<CaseProblem> Problems,
    string FilesJson,
    int[]? Shape,
    double[]? Spacing,
    string? Orientation,
    IReadOnlyDictionary<int, long> Labels,
    long? ForegroundVoxels,
    string ChannelsJson);
