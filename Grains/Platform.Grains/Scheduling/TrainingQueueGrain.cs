using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Scheduling;

/// <summary>A lab's view of the queue: its own runs in full, other labs' runs with their names removed.</summary>
public sealed class TrainingQueueGrain : Grain, ITrainingQueueGrain
{
    public async Task<TrainingQueueView> GetAsync()
    {
        var lab = this.GetPrimaryKeyString();
        var queue = await GrainFactory.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler).GetQueueAsync();
        return queue with
        {
            Entries = queue.Entries
                .Select(e => e.RunKey is { } key && GrainKeys.LabOf(key) == lab ? e : e with { OwnLab = false, RunKey = null, Silo = null })
                .ToList(),
        };
    }
}
