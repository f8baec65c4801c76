using Platform.Grains.Abstractions.Preprocessing;
using Platform.Preprocessing.Cases;

namespace Platform.Grains.Preprocessing;

/// <summary>
/// Stored shape of a plan's preprocessing job (System.Text.Json). It keeps what a resumed job needs to do exactly
/// the same work without a caller to ask other grains: the plan version, the datasources, the normalisation
/// numbers resolved at start, the fingerprint whose cases it preprocesses, and the source plan's folder in patch mode.
/// </summary>
public sealed record PreprocessingJobRecord
{
    /// <summary>New for every start, so a run can tell the job it follows from a later one.</summary>
    public string JobId { get; init; } = "";
    public int PlanVersion { get; init; }
    public string DatasetKey { get; init; } = "";

    /// <summary>The output folder, relative to the work root.</summary>
    public string Folder { get; init; } = "";
    public List<string> Datasources { get; init; } = [];
    public List<ChannelNormalization> Normalization { get; init; } = [];

    /// <summary>The stored fingerprint the normalisation and the case list come from (null: none, all usable cases).</summary>
    public long? FingerprintId { get; init; }

    /// <summary>Patch mode: the source plan's output folder, relative to the work root.</summary>
    public string? SourceFolder { get; init; }
    public PreprocessingJobState State { get; init; }
    public int Total { get; init; }
    public int Done { get; init; }
    public int Skipped { get; init; }
    public int Failed { get; init; }
    public List<PreprocessingFailure> Failures { get; init; } = [];
    public PreprocessedDatasetOverview? Summary { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string StartedBy { get; init; } = "";
    public string? Error { get; init; }

    /// <summary>Someone cancelled the running job; it stays Running until its worker has stopped (or was never placed).</summary>
    public bool CancelRequested { get; init; }
}
