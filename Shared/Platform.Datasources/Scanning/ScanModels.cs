using Platform.Datasources.Layouts;
using Platform.Datasources.Validation;

namespace Platform.Datasources.Scanning;

/// <summary>A case as the previous scan stored it: enough to tell whether its files changed.</summary>
public sealed record PreviousCase(string CaseId, IReadOnlyList<FileSignature> Files);

/// <summary>How a listed case relates to the previous scan.</summary>
public enum CaseChange
{
    New,
    Changed,
    Unchanged,
}

/// <summary>
/// One listed case. <see cref="Report"/> is null for unchanged cases (they were not read; the caller keeps
/// what it stored); otherwise it holds the validation outcome, valid or not.
/// </summary>
public sealed record CaseScan(CaseFiles Files, CaseChange Change, IReadOnlyList<FileSignature> Signatures, CaseReport? Report)
{
    public string CaseId => Files.CaseId;

    public bool Failed => Report is { IsValid: false };
}

/// <summary>Progress of a scan: cases finished (unchanged ones count at once), of all listed, how many failed, the last one.</summary>
public readonly record struct ScanProgress(int Done, int Total, int Failed, string? CurrentCase);

/// <summary>Knobs of a scan.</summary>
public sealed record ScanOptions
{
    public static ScanOptions Default { get; } = new();

    /// <summary>Upper bound on the estimated bytes of cases read at once (see <see cref="CaseHeaders.EstimatedBytes"/>).</summary>
    public long MemoryBudgetBytes { get; init; } = 2L << 30;

    /// <summary>Cases processed at once, whatever the budget allows.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Hash files (SHA-256) into their signatures: slower, but a touched identical file stays unchanged.</summary>
    public bool HashFiles { get; init; }

    public CaseValidationOptions Validation { get; init; } = CaseValidationOptions.Default;
}

/// <summary>
/// The outcome of a scan. <see cref="Cases"/> holds every complete case of the listing; cases named by
/// <see cref="ListingProblems"/> are not registrable. <see cref="Removed"/> lists previous case ids that
/// are no longer complete cases (files deleted, or now unpaired).
/// </summary>
public sealed record ScanResult(
    DatasourceLayoutKind Layout,
    IReadOnlyList<CaseScan> Cases,
    IReadOnlyList<string> Removed,
    IReadOnlyList<DatasourceProblem> ListingProblems,
    NnUnetDatasetJson? DatasetJson,
    long PeakInFlightBytes)
{
    /// <summary>Listing problems and every read case's problems, in one list.</summary>
    public IEnumerable<DatasourceProblem> AllProblems =>
        ListingProblems.Concat(Cases.Where(c => c.Report is not null).SelectMany(c => c.Report!.Problems));

    public IEnumerable<CaseScan> ValidCases => Cases.Where(c => c.Report is { IsValid: true });
}
