using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Scheduling;

/// <summary>
/// Stored shape of the training queue (System.Text.Json): add members with defaults, never rename. The queue
/// holds runs waiting or running, not finished ones, so it stays small (hundreds of entries at most) and fits in
/// grain state; one grain owning it makes slot and lab-limit accounting free of races.
/// </summary>
public sealed record SchedulerState
{
    public List<SchedulerEntry> Entries { get; init; } = [];

    /// <summary>Breaks ties between runs submitted in the same instant: first in, first placed.</summary>
    public long NextSequence { get; init; }
}

/// <summary>
/// A queued piece of work: a training run (<see cref="RunKey"/> is the run grain's key, <see cref="Request"/> its
/// request), or another kind of job (<see cref="Kind"/>), where <see cref="RunKey"/> is the key of the grain that owns
/// it and <see cref="JobId"/> which of its jobs. One entry per key at a time.
/// </summary>
public sealed record SchedulerEntry
{
    public required string RunKey { get; init; }
    public required string Lab { get; init; }

    /// <summary>The run's request; null for other kinds of work.</summary>
    public RunRequest? Request { get; init; }

    public WorkKind Kind { get; init; }
    public string? JobId { get; init; }

    /// <summary>A job's priority among the trainings (a cross-validation's evaluation carries its request's).</summary>
    public int JobPriority { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public long Sequence { get; init; }

    /// <summary>The silo (Orleans' parsable address) running it; null while it waits.</summary>
    public string? Silo { get; init; }
    public int Slot { get; init; }
    public DateTimeOffset? AssignedAt { get; init; }

    /// <summary>Placements so far (the attempt number the worker gets).</summary>
    public int Placements { get; init; }

    /// <summary>Times the run lost its silo; at <see cref="Training.TrainingOptions.MaxPlacements"/> it fails.</summary>
    public int Losses { get; init; }

    /// <summary>Its silo was lost and the run grain is being moved back to the queue (or failed): not placeable meanwhile.</summary>
    public bool Recovering { get; init; }

    public StopReason? StopRequested { get; init; }
    public int? Epoch { get; init; }
    public int? TotalEpochs { get; init; }
    public double? SecondsPerEpoch { get; init; }

    public bool IsAssigned => Silo is not null;

    /// <summary>Placement order: a run's priority, or the job's.</summary>
    public int Priority => Request?.Priority ?? JobPriority;

    public SlotPool Pool => Kind.Pool();

    public string? WorkerKey => Silo is null ? null : new TrainingSlot(Silo, Slot, Pool).WorkerKey;
}

/// <summary>
/// One slot of one silo: in the training pool one GPU, or the single CPU slot of a CPU-training silo; in the
/// preprocessing pool one of the jobs a silo preprocesses at once.
/// </summary>
public sealed record TrainingSlot(string Silo, int Slot, SlotPool Pool = SlotPool.Training)
{
    public string WorkerKey => Pool == SlotPool.Preprocessing
        ? Abstractions.GrainKeys.PreprocessingWorker(Silo, Slot)
        : Abstractions.GrainKeys.TrainingWorker(Silo, Slot);
}
