using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Training.Execution;

/// <summary>
/// Where an executor reports progress. Calls may come from any thread; each returns once the run grain has
/// recorded the report, so a checkpoint reported here survives the loss of the silo.
/// </summary>
public interface ITrainingProgressSink
{
    /// <summary>Preparation is over and epochs begin at <paramref name="firstEpoch"/> (above 0 when resuming from a checkpoint).</summary>
    Task StartedAsync(int firstEpoch, int totalEpochs);

    Task EpochCompletedAsync(EpochMetrics metrics, int totalEpochs);

    /// <summary>A checkpoint holding <paramref name="epoch"/> is complete on disk at <paramref name="path"/> (absolute, under the work folder).</summary>
    Task CheckpointWrittenAsync(int epoch, string path);
}
