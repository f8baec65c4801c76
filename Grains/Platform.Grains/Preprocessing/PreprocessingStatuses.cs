using Platform.Grains.Abstractions.Preprocessing;
using Platform.Preprocessing.Datasets;

namespace Platform.Grains.Preprocessing;

/// <summary>A job record (with the live progress of a running job) as the grain API's status and a run's view of it.</summary>
public static class PreprocessingStatuses
{
    public static PreprocessingStatus Of(string plan, PreprocessingJobRecord s, DatasetPreprocessingProgress? progress)
    {
        var live = s.State == PreprocessingJobState.Running ? progress : null;
        return new PreprocessingStatus(plan, s.PlanVersion, s.DatasetKey, s.State,
            live?.Total ?? s.Total, live?.Done ?? s.Done, live?.Skipped ?? s.Skipped, live?.Failed ?? s.Failed,
            live?.CurrentCase, s.Failures, s.Summary, s.StartedAt, s.FinishedAt, s.Error, s.FingerprintId);
    }

    /// <summary>A running job as a waiting run sees it: cases finished (done now, ready before, or failed) of all.</summary>
    public static DatasetPreparation Preparing(PreprocessingJobRecord s, DatasetPreprocessingProgress? progress) =>
        new(DatasetPreparationState.Preparing, s.JobId, progress?.Finished ?? 0, progress?.Total ?? 0,
            $"Waiting for preprocessing of dataset {s.DatasetKey}");

    public static DatasetPreparation Failed(string? job, string message) => new(DatasetPreparationState.Failed, job, 0, 0, message);
}
