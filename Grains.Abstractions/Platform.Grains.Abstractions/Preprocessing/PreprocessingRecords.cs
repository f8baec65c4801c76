namespace Platform.Grains.Abstractions.Preprocessing;

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Preprocessing.PreprocessingJobState")]
public enum PreprocessingJobState { Running = 0, Completed = 1, Cancelled = 2, Failed = 3 }

/// <summary>A case that could not be preprocessed, and why (which file, what is wrong).</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Preprocessing.PreprocessingFailure")]
public sealed record PreprocessingFailure(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string Reason);

/// <summary>
/// Where a plan's preprocessing stands: the plan version the data is for; the dataset key (the output folder's
/// name: readable plan name plus a hash of the settings that change voxels); cases done by this job, skipped
/// because an earlier job finished them, and failed (the first 200 with their reasons); the dataset summary once
/// the job completed; and why the whole job failed, when it did (a single case never fails the job).
/// <paramref name="Silo"/> is the silo whose preprocessing slot runs the job (null once it stopped, or before its
/// worker first reported).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Preprocessing.PreprocessingStatus")]
public sealed record PreprocessingStatus(
    [property: Id(0)] string Plan,
    [property: Id(1)] int PlanVersion,
    [property: Id(2)] string DatasetKey,
    [property: Id(3)] PreprocessingJobState State,
    [property: Id(4)] int Total,
    [property: Id(5)] int Done,
    [property: Id(6)] int Skipped,
    [property: Id(7)] int Failed,
    [property: Id(8)] string? CurrentCase,
    [property: Id(9)] IReadOnlyList<PreprocessingFailure> Failures,
    [property: Id(10)] PreprocessedDatasetOverview? Summary,
    [property: Id(11)] DateTimeOffset StartedAt,
    [property: Id(12)] DateTimeOffset? FinishedAt,
    [property: Id(13)] string? Error,
    [property: Id(14)] long? FingerprintId = null,
    [property: Id(15)] string? Silo = null)
{
    public int Finished => Done + Skipped + Failed;
}

/// <summary>
/// The dataset after preprocessing: per-axis (x, y, z) smallest, median and largest preprocessed shape, the median
/// spacing before resampling (mm), intensities after normalisation per channel, and the labels present.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Preprocessing.PreprocessedDatasetOverview")]
public sealed record PreprocessedDatasetOverview(
    [property: Id(0)] int Cases,
    [property: Id(1)] IReadOnlyList<double> ShapeMin,
    [property: Id(2)] IReadOnlyList<double> ShapeMedian,
    [property: Id(3)] IReadOnlyList<double> ShapeMax,
    [property: Id(4)] IReadOnlyList<double> OriginalSpacingMedian,
    [property: Id(5)] IReadOnlyList<PreprocessedChannelOverview> Channels,
    [property: Id(6)] IReadOnlyList<PreprocessedLabelOverview> Labels);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Preprocessing.PreprocessedChannelOverview")]
public sealed record PreprocessedChannelOverview(
    [property: Id(0)] int Channel,
    [property: Id(1)] double Mean,
    [property: Id(2)] double StandardDeviation,
    [property: Id(3)] double Min,
    [property: Id(4)] double Max);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Preprocessing.PreprocessedLabelOverview")]
public sealed record PreprocessedLabelOverview(
    [property: Id(0)] int Label,
    [property: Id(1)] long Voxels,
    [property: Id(2)] int Cases);

/// <summary>The dataset a run needs: its plan version, the stored fingerprint its statistics come from, and the dataset key they give.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Preprocessing.DatasetRequest")]
public sealed record DatasetRequest(
    [property: Id(0)] int PlanVersion,
    [property: Id(1)] long? FingerprintId,
    [property: Id(2)] string DatasetKey);

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Preprocessing.DatasetPreparationState")]
public enum DatasetPreparationState { Ready = 0, Preparing = 1, Waiting = 2, Failed = 3 }

/// <summary>Where a requested dataset stands: the job writing it (follow it by id), its progress in cases, and words for people.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Preprocessing.DatasetPreparation")]
public sealed record DatasetPreparation(
    [property: Id(0)] DatasetPreparationState State,
    [property: Id(1)] string? JobId,
    [property: Id(2)] int Done,
    [property: Id(3)] int Total,
    [property: Id(4)] string Message);

/// <summary>
/// A preprocessing job as its worker gets it from the plan's preprocessing grain: the plan version, the dataset it
/// writes (key and folder relative to the work root), the datasources and frozen fingerprint it reads, and, in
/// patch mode, the source plan's folder. The worker derives the normalisation again and checks it gives this key.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Preprocessing.PreprocessingJobSpec")]
public sealed record PreprocessingJobSpec(
    [property: Id(0)] string JobId,
    [property: Id(1)] int PlanVersion,
    [property: Id(2)] string DatasetKey,
    [property: Id(3)] string Folder,
    [property: Id(4)] IReadOnlyList<string> Datasources,
    [property: Id(5)] long? FingerprintId,
    [property: Id(6)] string? SourceFolder);

/// <summary>How far a running job got, as its worker on <paramref name="Silo"/> reports it: cases done, skipped (already complete), failed, of all.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Preprocessing.PreprocessingJobProgress")]
public sealed record PreprocessingJobProgress(
    [property: Id(0)] int Total,
    [property: Id(1)] int Done,
    [property: Id(2)] int Skipped,
    [property: Id(3)] int Failed,
    [property: Id(4)] string? CurrentCase,
    [property: Id(5)] string? Silo = null);

/// <summary>How a job ended on its worker: completed (with the cases that failed, the first 200), cancelled or failed with the reason.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Preprocessing.PreprocessingJobOutcome")]
public sealed record PreprocessingJobOutcome(
    [property: Id(0)] PreprocessingJobState State,
    [property: Id(1)] int Total,
    [property: Id(2)] int Done,
    [property: Id(3)] int Skipped,
    [property: Id(4)] int Failed,
    [property: Id(5)] IReadOnlyList<PreprocessingFailure> Failures,
    [property: Id(6)] PreprocessedDatasetOverview? Summary,
    [property: Id(7)] string? Error)
{
    public static PreprocessingJobOutcome Stopped(PreprocessingJobState state, PreprocessingJobProgress? progress, string? error) =>
        new(state, progress?.Total ?? 0, progress?.Done ?? 0, progress?.Skipped ?? 0, progress?.Failed ?? 0, [], null, error);
}
