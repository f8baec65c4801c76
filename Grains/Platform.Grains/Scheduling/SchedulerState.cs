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

public sealed record SchedulerEntry
{
    public required string RunKey { get; init; }
    public required string Lab { get; init; }
    public required RunRequest Request { get; init; }
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

    public string? WorkerKey => Silo is null ? null : Abstractions.GrainKeys.TrainingWorker(Silo, Slot);
}

/// <summary>One training slot of one silo: one GPU, or the single CPU slot of a CPU-training silo.</summary>
public sealed record TrainingSlot(string Silo, int Slot);
