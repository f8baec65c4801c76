using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Predictions;

namespace Platform.Grains.Predictions;

/// <summary>
/// Stored shape of a prediction (System.Text.Json): the model, the cases with what the worker needs to read them
/// (registered cases' files as the scan stored them, relative to the lab's data folder), each case's outcome once the
/// job has ended, and the job's lifecycle. Add members with defaults; never rename.
/// </summary>
public sealed record PredictionRecord
{
    public ModelKind ModelKind { get; init; }
    public string? ModelName { get; init; }

    /// <summary>Case ids of the images uploaded (stored in the prediction's inputs folder).</summary>
    public List<string> Uploads { get; init; } = [];
    public List<PredictionCaseRecord> Cases { get; init; } = [];

    /// <summary>New for every start, so a late word from an earlier placement changes nothing.</summary>
    public string JobId { get; init; } = "";
    public PredictionState State { get; init; }
    public string StartedBy { get; init; } = "";
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? Error { get; init; }

    /// <summary>Someone cancelled the running job; it stays Running until its worker has stopped (or was never placed).</summary>
    public bool CancelRequested { get; init; }

    public ModelRef? Model => ModelName is null ? null : new ModelRef(ModelKind, ModelName);

    public bool Exists => JobId.Length > 0 || Uploads.Count > 0;
}

/// <summary>One case: its datasource and image files (null and empty for an upload), and how it ended.</summary>
public sealed record PredictionCaseRecord
{
    public string CaseId { get; init; } = "";
    public string? Datasource { get; init; }
    public List<string> Images { get; init; } = [];
    public bool Done { get; init; }
    public string? Error { get; init; }

    /// <summary>A classification or regression model's prediction, in words (null for a label map).</summary>
    public string? Summary { get; init; }
}
