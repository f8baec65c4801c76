namespace Platform.Grains.Abstractions.Sweeps;

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Sweeps.SweepState")]
public enum SweepState { Running = 0, Completed = 1, Cancelled = 2 }

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Sweeps.TrialState")]
public enum TrialState { Pending = 0, Running = 1, Completed = 2, StoppedEarly = 3, Failed = 4, Cancelled = 5 }

/// <summary>
/// One row of the trial table: the sampled values (JSON text by field path), its plan version and run, how far it
/// trained and its metric (last and best value of the sweep metric), and why it stopped when it did not complete.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Sweeps.SweepTrial")]
public sealed record SweepTrial(
    [property: Id(0)] int Number,
    [property: Id(1)] IReadOnlyDictionary<string, string> Parameters,
    [property: Id(2)] string PlanName,
    [property: Id(3)] int PlanVersion,
    [property: Id(4)] string? RunId,
    [property: Id(5)] TrialState State,
    [property: Id(6)] int EpochsReached,
    [property: Id(7)] double? LastMetric,
    [property: Id(8)] double? BestMetric,
    [property: Id(9)] string? StoppedReason);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Sweeps.SweepSnapshot")]
public sealed record SweepSnapshot(
    [property: Id(0)] string Name,
    [property: Id(1)] SweepRequest Request,
    [property: Id(2)] SweepState State,
    [property: Id(3)] IReadOnlyList<int> RungEpochs,
    [property: Id(4)] IReadOnlyList<SweepTrial> Trials,
    [property: Id(5)] int? BestTrial,
    [property: Id(6)] DateTimeOffset StartedAt,
    [property: Id(7)] string StartedBy,
    [property: Id(8)] DateTimeOffset? FinishedAt);
