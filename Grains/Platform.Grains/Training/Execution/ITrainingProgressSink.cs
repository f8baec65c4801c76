using Platform.Grains.Abstractions.Training;
using Platform.Plans.Tasks;

namespace Platform.Grains.Training.Execution;

/// <summary>
/// Where an executor reports progress. Calls may come from any thread; each returns once the run grain has
/// recorded the report, so a checkpoint reported here survives the loss of the silo.
/// </summary>
public interface ITrainingProgressSink
{
    /// <summary>
    /// The run's dataset (recorded on the run the first time), once its preprocessing job has completed it: asks the
    /// job and waits, showing the wait on the run. Never writes the dataset itself.
    /// </summary>
    /// <exception cref="Abstractions.PlatformException">The dataset cannot be prepared (the job failed or was cancelled; the reason says why).</exception>
    Task<RunDataset> WaitForDatasetAsync(CancellationToken cancellationToken);

    /// <summary>What the run's project learns (segmentation, classification, regression): the executor trains accordingly.</summary>
    Task<TaskKind> GetProjectKindAsync();

    /// <summary>Preparation is over and epochs begin at <paramref name="firstEpoch"/> (above 0 when resuming from a checkpoint);
    /// <paramref name="warning"/> is something people must hear about the start (a broken checkpoint fallen back from).</summary>
    Task StartedAsync(int firstEpoch, int totalEpochs, string? warning = null);

    Task EpochCompletedAsync(EpochMetrics metrics, int totalEpochs);

    /// <summary>Where the training is within its epoch; an executor reports it at most every few seconds (it is not stored).</summary>
    Task IterationsAsync(RunIterations iterations);

    /// <summary>
    /// Fires when a person pauses the run: finish the current epoch, report it, write and report a checkpoint holding
    /// it, then return <see cref="TrainingOutcome.Stopped"/>. (The executor's own token fires for a cancel or a stopping silo.)
    /// </summary>
    CancellationToken PauseRequested { get; }

    /// <summary>A checkpoint holding <paramref name="epoch"/> is complete on disk at <paramref name="path"/> (absolute, under the work folder).</summary>
    Task CheckpointWrittenAsync(int epoch, string path);
}
