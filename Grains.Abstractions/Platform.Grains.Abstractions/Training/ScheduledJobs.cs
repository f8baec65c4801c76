namespace Platform.Grains.Abstractions.Training;

/// <summary>
/// The kinds of heavy work the scheduler places on slots. Trainings, cross-validation evaluations and predictions take training
/// slots (a GPU, or a CPU-training silo's one slot); preprocessing takes a silo's preprocessing slots (CPU work, so
/// a run waiting for its dataset on a training slot never blocks the job it waits for).
/// </summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Training.WorkKind")]
public enum WorkKind { Training = 0, Preprocessing = 1, Evaluation = 2, Prediction = 3 }

/// <summary>The pool of slots a kind of work takes.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Training.SlotPool")]
public enum SlotPool { Training = 0, Preprocessing = 1 }

/// <summary>
/// A job other than a training, as its owner grain hands it to the scheduler. <paramref name="OwnerKey"/> is the
/// grain that owns the work (a plan's preprocessing grain, a cross-validation) and hears how it ends;
/// <paramref name="JobId"/> tells one job of that owner from a later one, so a late word from an earlier job changes
/// nothing. <paramref name="Priority"/> orders it among the trainings when it takes a training slot.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Training.QueuedJob")]
public sealed record QueuedJob(
    [property: Id(0)] string OwnerKey,
    [property: Id(1)] WorkKind Kind,
    [property: Id(2)] string JobId,
    [property: Id(3)] DateTimeOffset SubmittedAt,
    [property: Id(4)] int Priority = 0);

/// <summary>What cancelling a job did: it was not in the queue, it was waiting and is gone, or its worker is stopping it.</summary>
[GenerateSerializer, Alias("Platform.Grains.Abstractions.Training.JobCancellation")]
public enum JobCancellation { NotQueued = 0, Removed = 1, Stopping = 2 }

public static class WorkKinds
{
    public static SlotPool Pool(this WorkKind kind) => kind == WorkKind.Preprocessing ? SlotPool.Preprocessing : SlotPool.Training;
}
