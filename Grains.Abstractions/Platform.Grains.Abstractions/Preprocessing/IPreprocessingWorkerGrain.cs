using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Abstractions.Preprocessing;

/// <summary>
/// One preprocessing slot of one silo (key <c>{silo address}#p{slot}</c>, see <see cref="GrainKeys.PreprocessingWorker"/>).
/// Placement puts it on exactly that silo, and only if the silo advertises preprocessing slots; it runs the job the
/// scheduler placed there, reports progress and the outcome to the plan's preprocessing grain, and frees the slot.
/// </summary>
[Alias("Platform.Grains.Abstractions.Preprocessing.IPreprocessingWorkerGrain")]
public interface IPreprocessingWorkerGrain : IGrainWithStringKey
{
    /// <summary>Starts the job in the background and returns at once.</summary>
    [Alias("StartAsync"), GrainToGrainOnly]
    Task StartAsync(WorkerAssignment assignment);

    /// <summary>Stops the job between cases (finished cases stay).</summary>
    [Alias("StopAsync"), GrainToGrainOnly]
    Task StopAsync(string ownerKey, StopReason reason);
}
