using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Training;

/// <summary>
/// One training slot of one silo (key <c>{silo address}#{slot}</c>, see <see cref="GrainKeys.TrainingWorker"/>).
/// Placement puts it on exactly that silo, and only if the silo can train; it runs the silo's training executor.
/// </summary>
[Alias("Platform.Grains.Abstractions.Training.ITrainingWorkerGrain")]
public interface ITrainingWorkerGrain : IGrainWithStringKey
{
    /// <summary>Starts the training in the background and returns at once.</summary>
    [Alias("StartAsync"), GrainToGrainOnly]
    Task StartAsync(WorkerAssignment assignment);

    [Alias("StopAsync"), GrainToGrainOnly]
    Task StopAsync(string runKey, StopReason reason);
}
