using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Abstractions.CrossValidation;

/// <summary>
/// A cross-validation's evaluation on one training slot of one silo (key <c>{silo address}#{slot}</c>, the slot's
/// key, see <see cref="GrainKeys.TrainingWorker"/>): the ensemble's predictions need the same device a training
/// would. Placement puts it on exactly that silo, and only if the silo can train; it reports the outcome to the
/// cross-validation and frees the slot.
/// </summary>
[Alias("Platform.Grains.Abstractions.CrossValidation.IEvaluationWorkerGrain")]
public interface IEvaluationWorkerGrain : IGrainWithStringKey
{
    /// <summary>Starts the evaluation in the background and returns at once.</summary>
    [Alias("StartAsync"), GrainToGrainOnly]
    Task StartAsync(WorkerAssignment assignment);

    /// <summary>Stops the evaluation (nothing of it is kept; it starts over when placed again).</summary>
    [Alias("StopAsync"), GrainToGrainOnly]
    Task StopAsync(string ownerKey, StopReason reason);
}
