using System.Globalization;

namespace Platform.Grains.Abstractions.Training;

/// <summary>
/// What to train: a plan version on a fold (null fold = all training cases, nnU-Net's "all"). Higher
/// <paramref name="Priority"/> runs are placed first; equal priorities go in submission order. <paramref name="Seed"/>
/// null trains with the plan's <c>training.seed</c>; a number overrides it (the seed used is in
/// <see cref="RunSnapshot.TrainingSeed"/>: either one plus the fold number).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.RunRequest")]
public sealed record RunRequest(
    [property: Id(0)] string PlanName,
    [property: Id(1)] int PlanVersion,
    [property: Id(2)] int? Fold,
    [property: Id(3)] int? Seed,
    [property: Id(4)] string? SplitName,
    [property: Id(5)] int Priority = 0,
    [property: Id(6)] RunStartingPoint? StartFrom = null)
{
    /// <summary>The split a run without a split name takes its fold from.</summary>
    public const string DefaultSplit = "default";

    /// <summary>The split whose folds this run trains on: <see cref="SplitName"/>, or <see cref="DefaultSplit"/>.</summary>
    public string Split => SplitName ?? DefaultSplit;
}

/// <summary>
/// The model a fine-tuning run starts from: a run's or a cross-validation's package in a project of the run's own lab
/// (of any task). Its encoder weights move into the new network (the first member's, for an ensemble); the decoder or
/// head starts fresh, and the run trains at half its plan's learning rate after a warm-up (FineTuningOptimization).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.RunStartingPoint")]
public sealed record RunStartingPoint(
    [property: Id(0)] string Project,
    [property: Id(1)] Models.ModelRef Model);

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
    [property: Id(9)] RunResultSummary? Result = null,
    [property: Id(10)] RunDataset? Dataset = null,
    [property: Id(11)] RunPreparation? Preparation = null,
    [property: Id(12)] long? TrainingSeed = null,
    [property: Id(13)] RunIterations? Iterations = null,
    [property: Id(14)] bool PauseRequested = false)
{
    /// <summary>The seed the run trains with and where it came from, for people: "12346 (the plan's seed + fold 1)".</summary>
    public string SeedDescription
    {
        get
        {
            // Runs created before the seed was resolved at creation record only the request.
            if (TrainingSeed is not { } seed)
                return Request.Seed?.ToString(CultureInfo.InvariantCulture) ?? "the plan's";
            var origin = Request.Seed is null ? "the plan's seed" : "chosen seed";
            return Request.Fold is > 0 ? $"{seed} ({origin} + fold {Request.Fold})" : $"{seed} ({origin})";
        }
    }
}

/// <summary>
/// The preprocessed dataset a run trains on, recorded once when it is first placed and kept for its whole life
/// (resumes, other silos, the cross-validation's evaluation): the stored fingerprint its normalisation comes from
/// (null when its plan version has none), the dataset key, and the folder relative to the work root.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.RunDataset")]
public sealed record RunDataset(
    [property: Id(0)] long? FingerprintId,
    [property: Id(1)] string DatasetKey,
    [property: Id(2)] string Folder);

/// <summary>What a placed run waits for before its first epoch (e.g. "waiting for preprocessing"), with the job's progress in cases.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.RunPreparation")]
public sealed record RunPreparation(
    [property: Id(0)] string Activity,
    [property: Id(1)] int Done,
    [property: Id(2)] int Total);

/// <summary>
/// Where a running training is within its epoch (kept in memory by the run grain, reported every few seconds):
/// steps done of the epoch, measured seconds per step, and the time left in the epoch and in the run.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.RunIterations")]
public sealed record RunIterations(
    [property: Id(0)] int Epoch,
    [property: Id(1)] int IterationsDone,
    [property: Id(2)] int IterationsPerEpoch,
    [property: Id(3)] double SecondsPerIteration,
    [property: Id(4)] TimeSpan EpochRemaining,
    [property: Id(5)] TimeSpan RunRemaining,
    [property: Id(6)] DateTimeOffset At);

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
