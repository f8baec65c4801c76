using Platform.Grains.Abstractions.Training;
using Platform.Grains.Training.Execution;
using Platform.Plans.Tasks;

namespace Platform.Grains.Scheduling;

/// <summary>
/// Brings an executor's reports (made on thread-pool threads) back onto the worker grain's own scheduler: grain
/// calls made there carry the worker's identity, which the run grain's grain-to-grain-only methods require.
/// </summary>
internal sealed class GrainContextProgressSink(TaskScheduler grainScheduler, ITrainingProgressSink onGrain) : ITrainingProgressSink
{
    public Task<RunDataset> WaitForDatasetAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => onGrain.WaitForDatasetAsync(cancellationToken), CancellationToken.None, TaskCreationOptions.None, grainScheduler).Unwrap();

    public Task<TaskKind> GetProjectKindAsync() =>
        Task.Factory.StartNew(onGrain.GetProjectKindAsync, CancellationToken.None, TaskCreationOptions.None, grainScheduler).Unwrap();

    public Task StartedAsync(int firstEpoch, int totalEpochs, string? warning = null) => OnGrain(() => onGrain.StartedAsync(firstEpoch, totalEpochs, warning));

    public Task EpochCompletedAsync(EpochMetrics metrics, int totalEpochs) => OnGrain(() => onGrain.EpochCompletedAsync(metrics, totalEpochs));

    public Task CheckpointWrittenAsync(int epoch, string path) => OnGrain(() => onGrain.CheckpointWrittenAsync(epoch, path));

    public Task IterationsAsync(RunIterations iterations) => OnGrain(() => onGrain.IterationsAsync(iterations));

    /// <summary>The worker's token for this assignment, read once it is made (a token may be read from any thread).</summary>
    public CancellationToken PauseRequested { get; } = onGrain.PauseRequested;

    private Task OnGrain(Func<Task> report) =>
        Task.Factory.StartNew(report, CancellationToken.None, TaskCreationOptions.None, grainScheduler).Unwrap();
}
