using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Training;

/// <summary>
/// The one durable training queue of the cluster (key <see cref="GrainKeys.TrainingScheduler"/>): orders runs by
/// priority then submission, places them on free training slots within each lab's limit, and puts the runs of a
/// lost silo back in the queue. Only platform grains talk to it; people see it through <see cref="ITrainingQueueGrain"/>.
/// </summary>
[Alias("Platform.Grains.Abstractions.Training.ITrainingSchedulerGrain")]
public interface ITrainingSchedulerGrain : IGrainWithStringKey
{
    [Alias("EnqueueAsync"), GrainToGrainOnly]
    Task EnqueueAsync(QueuedRun run);

    /// <summary>Queues a job other than a training (idempotent for the same owner and job).</summary>
    [Alias("EnqueueJobAsync"), GrainToGrainOnly]
    Task EnqueueJobAsync(QueuedJob job);

    /// <summary>Takes a waiting job out of the queue, or asks its worker to stop it (its owner then hears it was stopped).</summary>
    [Alias("CancelJobAsync"), GrainToGrainOnly]
    Task<JobCancellation> CancelJobAsync(string ownerKey, string jobId);

    /// <summary>Takes a run out of the queue, or asks its worker to stop it (at once, or at the end of its epoch, after a checkpoint, for a pause).</summary>
    [Alias("StopAsync"), GrainToGrainOnly]
    Task StopAsync(string runKey, StopReason reason);

    /// <summary>A worker's word on how far a run got, for the queue's time estimates.</summary>
    [Alias("ReportProgressAsync"), GrainToGrainOnly]
    Task ReportProgressAsync(string runKey, int epoch, int totalEpochs, double secondsPerEpoch);

    /// <summary>A worker is done with a run; <paramref name="requeue"/> puts it back in the queue (its silo is stopping).</summary>
    [Alias("ReleaseAsync"), GrainToGrainOnly]
    Task ReleaseAsync(string runKey, string workerKey, bool requeue);

    [Alias("GetQueueAsync"), GrainToGrainOnly]
    Task<TrainingQueueView> GetQueueAsync();

    /// <summary>The training slots of the cluster's active silos, by kind of device (from their silo metadata).</summary>
    [Alias("GetTrainingDevicesAsync"), GrainToGrainOnly]
    Task<TrainingDevices> GetTrainingDevicesAsync();

    /// <summary>Checks placements against cluster membership and places what can be placed.</summary>
    [Alias("ReconcileAsync"), GrainToGrainOnly]
    Task ReconcileAsync();
}
