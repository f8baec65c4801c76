using Platform.Grains.Abstractions.Models;

namespace Platform.Grains.Abstractions.Predictions;

/// <summary>Draft: files uploaded, not started; Running: queued or predicting; then how it ended.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Predictions.PredictionState")]
public enum PredictionState { Draft = 0, Running = 1, Completed = 2, Failed = 3, Cancelled = 4 }

/// <summary>A registered case of one of the project's datasources.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Predictions.PredictionCaseRef")]
public sealed record PredictionCaseRef(
    [property: Id(0)] string Datasource,
    [property: Id(1)] string CaseId);

/// <summary>What to predict with which model: registered cases, plus every file uploaded to this prediction before it starts.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Predictions.PredictionRequest")]
public sealed record PredictionRequest(
    [property: Id(0)] ModelRef Model,
    [property: Id(1)] IReadOnlyList<PredictionCaseRef> Cases);

/// <summary>One case of a prediction: its datasource (null for an uploaded image), why it failed (null: predicted, or not
/// yet), and what a classification or regression model predicted, in words ("lesion (p 0.93)"; null for a label map).</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Predictions.PredictionCaseResult")]
public sealed record PredictionCaseResult(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string? Datasource,
    [property: Id(2)] bool Done,
    [property: Id(3)] string? Error = null,
    [property: Id(4)] string? Summary = null);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Predictions.PredictionSnapshot")]
public sealed record PredictionSnapshot(
    [property: Id(0)] string PredictionId,
    [property: Id(1)] ModelRef? Model,
    [property: Id(2)] PredictionState State,
    [property: Id(3)] int Total,
    [property: Id(4)] int Done,
    [property: Id(5)] int Failed,
    [property: Id(6)] IReadOnlyList<PredictionCaseResult> Cases,
    [property: Id(7)] IReadOnlyList<string> Uploads,
    [property: Id(8)] string? CurrentCase,
    [property: Id(9)] string? Error,
    [property: Id(10)] string StartedBy,
    [property: Id(11)] DateTimeOffset? StartedAt,
    [property: Id(12)] DateTimeOffset? FinishedAt,
    [property: Id(13)] bool CancelRequested);

/// <summary>
/// A case as the worker predicts it: registered cases carry their image files relative to the lab's data folder (as the
/// scan stored them; the worker resolves them in the prediction's own lab); uploaded ones are read from the
/// prediction's own inputs folder.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Predictions.PredictionJobCase")]
public sealed record PredictionJobCase(
    [property: Id(0)] string CaseId,
    [property: Id(1)] IReadOnlyList<string> Images,
    [property: Id(2)] bool Uploaded);

/// <summary>The job its worker runs: which model, which cases; folders are derived from the prediction's key.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Predictions.PredictionJob")]
public sealed record PredictionJob(
    [property: Id(0)] string JobId,
    [property: Id(1)] ModelRef Model,
    [property: Id(2)] IReadOnlyList<PredictionJobCase> Cases);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Predictions.PredictionProgress")]
public sealed record PredictionProgress(
    [property: Id(0)] IReadOnlyList<PredictionCaseResult> Finished,
    [property: Id(1)] string? CurrentCase);

/// <summary>How a job ended: Completed (each case predicted or failed with its reason), Failed (with why), or Cancelled.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Predictions.PredictionOutcome")]
public sealed record PredictionOutcome(
    [property: Id(0)] PredictionState State,
    [property: Id(1)] IReadOnlyList<PredictionCaseResult> Finished,
    [property: Id(2)] string? Error);

/// <summary>An uploaded image: at most this many bytes (a compressed CT of a few hundred slices fits).</summary>
public static class PredictionUploads
{
    public const long MaxBytes = 48L << 20;

    /// <summary>The case id of an uploaded file: its name without .nii.gz / .nii (and a _0000 channel suffix).</summary>
    public static string CaseIdOf(string fileName)
    {
        var name = fileName ?? "";
        // A bare file name, as browsers send it: the stored name is the case id's, never one a client chose.
        if (name.IndexOfAny(['/', '\\']) >= 0)
            throw new PlatformValidationException("file", $"'{name}' is a path; upload a file by its name alone.");
        var stem = name.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase) ? name[..^7]
            : name.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) ? name[..^4]
            : throw new PlatformValidationException("file", $"'{name}' is not a NIfTI file (.nii or .nii.gz).");
        if (stem.EndsWith("_0000", StringComparison.Ordinal))
            stem = stem[..^5];
        return Datasources.CaseIds.IsValid(stem)
            ? stem
            : throw new PlatformValidationException("file", $"'{name}' does not name a case: use letters, digits, '-', '_' and '.' before .nii.gz.");
    }
}
