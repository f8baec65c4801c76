namespace Platform.Grains.Abstractions.Training;

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Training.QueueEntryStatus")]
public enum QueueEntryStatus { Waiting = 0, Running = 1 }

/// <summary>
/// One entry of the training queue as a lab sees it. Entries of other labs keep their place, priority and
/// status but not their names (<see cref="RunKey"/>, <see cref="Silo"/> are null and <see cref="OwnLab"/> false):
/// a lab can see how busy the cluster is without learning what others train.
/// </summary>
/// <remarks>Position: 1-based place among the waiting runs; 0 for a running one.<br/>
/// EstimatedStart: When a waiting run should start, from the running runs' progress; null when unknown.<br/>
/// WaitingReason: Why a waiting run waits: no free training slot, or its lab's limit of running trainings.<br/>
/// Kind: A training, or a cross-validation's evaluation on a training slot (then <see cref="RunKey"/> is the cross-validation's key).</remarks>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.QueueEntryView")]
public sealed record QueueEntryView(
    [property: Id(0)] int Position,
    [property: Id(1)] QueueEntryStatus Status,
    [property: Id(2)] bool OwnLab,
    [property: Id(3)] string? RunKey,
    [property: Id(4)] int Priority,
    [property: Id(5)] DateTimeOffset SubmittedAt,
    [property: Id(6)] string? Silo,
    [property: Id(7)] int? Epoch,
    [property: Id(8)] int? TotalEpochs,
    [property: Id(9)] DateTimeOffset? EstimatedStart,
    [property: Id(10)] DateTimeOffset? EstimatedFinish,
    [property: Id(11)] string? WaitingReason,
    [property: Id(12)] WorkKind Kind = WorkKind.Training);

/// <summary>The training queue of the whole cluster, running runs first, then waiting ones in the order they will be placed.</summary>
/// <remarks>TrainingSlots: Trainings the cluster can run at once now (one per GPU, one per CPU-training silo).<br/>
/// MaxRunningPerLab: How many trainings one lab may run at once.</remarks>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.TrainingQueueView")]
public sealed record TrainingQueueView(
    [property: Id(0)] IReadOnlyList<QueueEntryView> Entries,
    [property: Id(1)] int TrainingSlots,
    [property: Id(2)] int MaxRunningPerLab,
    [property: Id(3)] DateTimeOffset At);

/// <summary>A run as the scheduler holds it: enough to order it and to tell a worker what to train.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.QueuedRun")]
public sealed record QueuedRun(
    [property: Id(0)] string RunKey,
    [property: Id(1)] RunRequest Request,
    [property: Id(2)] DateTimeOffset SubmittedAt);

/// <summary>
/// What the scheduler hands a worker: the run (or, for other kinds of work, the owner grain's key and its job), the
/// run's request, and how many times it has been placed before.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.WorkerAssignment")]
public sealed record WorkerAssignment(
    [property: Id(0)] string RunKey,
    [property: Id(1)] RunRequest? Request,
    [property: Id(2)] int Attempt,
    [property: Id(3)] WorkKind Kind = WorkKind.Training,
    [property: Id(4)] string? JobId = null);

/// <summary>Why a running training is asked to stop.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Training.StopReason")]
public enum StopReason { Pause = 0, Cancel = 1 }

/// <summary>Training slots of the cluster's active silos: one per GPU on GPU silos, one per CPU-training silo.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.TrainingDevices")]
public sealed record TrainingDevices(
    [property: Id(0)] int GpuSlots,
    [property: Id(1)] int CpuSlots);
