using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Abstractions.Predictions;

/// <summary>
/// A prediction job on one training slot of one silo (key <c>{silo address}#{slot}</c>, the slot's key, see
/// <see cref="GrainKeys.TrainingWorker"/>): the model predicts on the device a training would use. It reports progress
/// and the outcome to the prediction and frees the slot.
/// </summary>
[Alias("Platform.Grains.Abstractions.Predictions.IPredictionWorkerGrain")]
public interface IPredictionWorkerGrain : IGrainWithStringKey
{
    /// <summary>Starts the job in the background and returns at once.</summary>
    [Alias("StartAsync"), GrainToGrainOnly]
    Task StartAsync(WorkerAssignment assignment);

    /// <summary>Stops the job between cases (cases written stay; placed again, it skips them).</summary>
    [Alias("StopAsync"), GrainToGrainOnly]
    Task StopAsync(string ownerKey, StopReason reason);
}
