namespace Platform.Grains.Abstractions.Datasources;

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Datasources.CaseStatus")]
public enum CaseStatus { Valid = 0, Flagged = 1, Invalid = 2 }

/// <summary>One problem found with a case (or a file of it): a kind a program can filter on and a reason a person can act on.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Datasources.CaseProblem")]
public sealed record CaseProblem(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Reason,
    [property: Id(2)] string? File);

/// <summary>Foreground intensity statistics of one image channel of a case.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Datasources.ChannelStatistics")]
public sealed record ChannelStatistics(
    [property: Id(0)] int Channel,
    [property: Id(1)] long Count,
    [property: Id(2)] double Mean,
    [property: Id(3)] double StandardDeviation,
    [property: Id(4)] double Min,
    [property: Id(5)] double Max,
    [property: Id(6)] double Percentile00_5,
    [property: Id(7)] double Percentile99_5);

/// <summary>A case as the catalog lists it.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Datasources.CaseSummary")]
public sealed record CaseSummary(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CaseStatus Status,
    [property: Id(2)] IReadOnlyList<CaseProblem> Problems,
    [property: Id(3)] IReadOnlyList<int>? Shape,
    [property: Id(4)] IReadOnlyList<double>? Spacing,
    [property: Id(5)] string? Orientation,
    [property: Id(6)] IReadOnlyDictionary<int, long> Labels,
    [property: Id(7)] long? ForegroundVoxels,
    [property: Id(8)] IReadOnlyList<ChannelStatistics> Channels);

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Datasources.CaseSort")]
public enum CaseSort { CaseId = 0, Status = 1, ForegroundVoxels = 2 }

/// <summary>A page request: 0-based page, at most <see cref="MaxPageSize"/> cases, optional status and case-id prefix filters.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Datasources.CaseQuery")]
public sealed record CaseQuery(
    [property: Id(0)] int Page = 0,
    [property: Id(1)] int PageSize = 50,
    [property: Id(2)] CaseSort SortBy = CaseSort.CaseId,
    [property: Id(3)] bool Descending = false,
    [property: Id(4)] CaseStatus? Status = null,
    [property: Id(5)] string? CaseIdPrefix = null)
{
    public const int MaxPageSize = 500;
}

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Datasources.CasePage")]
public sealed record CasePage(
    [property: Id(0)] IReadOnlyList<CaseSummary> Cases,
    [property: Id(1)] long Total,
    [property: Id(2)] CaseQuery Query);
