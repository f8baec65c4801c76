namespace Platform.Grains.Abstractions.Training;

/// <summary>
/// What to train: a plan version on a fold (null fold = all training cases, nnU-Net's "all"). Higher
/// <paramref name="Priority"/> runs are placed first; equal priorities go in submission order.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.RunRequest")]
public sealed record RunRequest(
    [property: Id(0)] string PlanName,
    [property: Id(1)] int PlanVersion,
    [property: Id(2)] int? Fold,
    [property: Id(3)] int Seed,
    [property: Id(4)] string? SplitName,
    [property: Id(5)] int Priority = 0);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.RunTransition")]
public sealed record RunTransition(
    [property: Id(0)] RunState From,
    [property: Id(1)] RunState To,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string By,
    [property: Id(4)] string? Reason);

/// <summary>One epoch's figures, as the trainer reports them.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.EpochMetrics")]
public sealed record EpochMetrics(
    [property: Id(0)] int Epoch,
    [property: Id(1)] double TrainLoss,
    [property: Id(2)] double? ValidationLoss,
    [property: Id(3)] IReadOnlyDictionary<int, double> PseudoDice,
    [property: Id(4)] double LearningRate,
    [property: Id(5)] double Seconds);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.RunSnapshot")]
public sealed record RunSnapshot(
    [property: Id(0)] string RunId,
    [property: Id(1)] RunRequest Request,
    [property: Id(2)] RunState State,
    [property: Id(3)] string SoftwareVersion,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] IReadOnlyList<RunTransition> History,
    [property: Id(7)] IReadOnlyList<EpochMetrics> Metrics,
    [property: Id(8)] CheckpointRecord? LastCheckpoint = null,
    [property: Id(9)] RunResultSummary? Result = null);

/// <summary>A checkpoint the trainer wrote: the epoch it holds and where it lies, relative to the platform's data root.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.CheckpointRecord")]
public sealed record CheckpointRecord(
    [property: Id(0)] int Epoch,
    [property: Id(1)] string Path,
    [property: Id(2)] DateTimeOffset At);

/// <summary>
/// What a finished training reports: how many epochs it trained, its final figures by name (e.g. "val-loss",
/// "dice-1"), the final checkpoint, a line for people, and its model package (the folder <c>platform predict
/// --package</c> and <c>platform model export</c> use), relative to the work root; null for runs finished before
/// packages existed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.RunResultSummary")]
public sealed record RunResultSummary(
    [property: Id(0)] int EpochsCompleted,
    [property: Id(1)] IReadOnlyDictionary<string, double> FinalMetrics,
    [property: Id(2)] string? FinalCheckpoint,
    [property: Id(3)] string Summary,
    [property: Id(4)] string? Package = null);
