using Platform.Grains.Abstractions.Preprocessing;

namespace Platform.Grains.Preprocessing;

/// <summary>A job record (with the live progress of a running job) as the grain API's status and a run's view of it.</summary>
public static class PreprocessingStatuses
{
    public static PreprocessingStatus Of(string plan, PreprocessingJobRecord s, PreprocessingJobProgress? progress)
    {
        var live = s.State == PreprocessingJobState.Running ? progress : null;
        return new PreprocessingStatus(plan, s.PlanVersion, s.DatasetKey, s.State,
            live?.Total ?? s.Total, live?.Done ?? s.Done, live?.Skipped ?? s.Skipped, live?.Failed ?? s.Failed,
            live?.CurrentCase, s.Failures, s.Summary, s.StartedAt, s.FinishedAt, s.Error, s.FingerprintId, live?.Silo);
    }

    /// <summary>A running job as a waiting run sees it: cases finished (done now, ready before, or failed) of all.</summary>
    public static DatasetPreparation Preparing(PreprocessingJobRecord s, PreprocessingJobProgress? progress) =>
        new(DatasetPreparationState.Preparing, s.JobId, progress is null ? 0 : progress.Done + progress.Skipped + progress.Failed, progress?.Total ?? 0,
            $"Waiting for preprocessing of dataset {s.DatasetKey}");

    public static DatasetPreparation Failed(string? job, string message) => new(DatasetPreparationState.Failed, job, 0, 0, message);
}
