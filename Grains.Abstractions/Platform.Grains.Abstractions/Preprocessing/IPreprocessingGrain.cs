using Orleans.Concurrency;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Preprocessing;

/// <summary>
/// The preprocessing job of one plan: turns the project's usable cases into training data for the plan's latest
/// version. Keyed like the plan (<see cref="GrainKeys.Plan"/>). The job is scheduled work: the training scheduler
/// places it on a silo's preprocessing slot (<see cref="IPreprocessingWorkerGrain"/>), which reports progress and the
/// outcome back here. It survives a lost silo (placed again, it resumes from the cases already stored) and can be
/// cancelled; starting it again continues where it stopped, and a finished job for an unchanged plan does no work
/// at all. It is the only writer of its datasets: a training run whose dataset is not ready asks it
/// (<see cref="PrepareDatasetAsync"/>) and waits; one job of a plan runs at a time, so a dataset is never written by
/// two jobs at once.
/// </summary>
[Alias("Platform.Grains.Abstractions.Preprocessing.IPreprocessingGrain")]
public interface IPreprocessingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts (or continues) preprocessing for the plan's latest version. While a job for that version runs this
    /// returns its status; while a job for another version runs it is refused (a run may be waiting for that one).
    /// </summary>
    [Alias("StartAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<PreprocessingStatus> StartAsync();

    /// <summary>The running or last job, or null before the first start.</summary>
    [Alias("GetStatusAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<PreprocessingStatus?> GetStatusAsync();

    /// <summary>
    /// For a run: the dataset of <paramref name="request"/> is ready, being written (by the job
    /// <paramref name="followedJob"/> names, or one started now), waiting behind another dataset's job, or failed (the
    /// job the caller followed failed or was cancelled). Call again until it is ready or failed.
    /// </summary>
    [Alias("PrepareDatasetAsync"), GrainToGrainOnly]
    Task<DatasetPreparation> PrepareDatasetAsync(DatasetRequest request, string? followedJob);

    /// <summary>
    /// The job <paramref name="jobId"/> for its worker; null when that job no longer runs (a later one started, or it
    /// was settled). Interleaves: a cancel waiting for the worker must not keep the worker from asking.
    /// </summary>
    [Alias("GetJobAsync"), GrainToGrainOnly, AlwaysInterleave]
    Task<PreprocessingJobSpec?> GetJobAsync(string jobId);

    /// <summary>A worker's progress report (kept in memory; the outcome is what is stored).</summary>
    [Alias("ReportJobProgressAsync"), GrainToGrainOnly, AlwaysInterleave]
    Task ReportJobProgressAsync(string jobId, PreprocessingJobProgress progress);

    /// <summary>A worker's (or, for a lost silo, the scheduler's) word on how job <paramref name="jobId"/> ended.</summary>
    [Alias("FinishJobAsync"), GrainToGrainOnly, AlwaysInterleave]
    Task FinishJobAsync(string jobId, PreprocessingJobOutcome outcome);

    /// <summary>Stops the running job between cases; finished cases stay and a later start continues from them.</summary>
    [Alias("CancelAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<PreprocessingStatus> CancelAsync();
}
