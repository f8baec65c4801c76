using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Training;

/// <summary>A lab's window on the cluster's training queue. Keyed by <see cref="GrainKeys.TrainingQueue"/> (the lab id).</summary>
[Alias("Platform.Grains.Abstractions.Training.ITrainingQueueGrain")]
public interface ITrainingQueueGrain : IGrainWithStringKey
{
    /// <summary>The whole queue: this lab's runs in detail, other labs' runs without names.</summary>
    [Alias("GetAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<TrainingQueueView> GetAsync();
}
