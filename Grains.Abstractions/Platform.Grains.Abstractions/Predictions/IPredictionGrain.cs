using Orleans.Concurrency;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Abstractions.Predictions;

/// <summary>
/// One prediction job with a project's model (key <see cref="GrainKeys.Prediction"/>): images are uploaded to it,
/// then it is started with registered cases; it is scheduled work on a training slot
/// (<see cref="IPredictionWorkerGrain"/>), which reports progress in cases and the outcome here. Its files live under
/// the work root in a folder derived from the key: <c>predictions/{lab}/{project}/{id}/</c> (inputs/, output/).
/// </summary>
[Alias("Platform.Grains.Abstractions.Predictions.IPredictionGrain")]
public interface IPredictionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores an image (NIfTI, at most <see cref="PredictionUploads.MaxBytes"/>) to predict when the job starts; the
    /// case id is the file name without its extension. Returns the case id. Only before the job starts.
    /// </summary>
    [Alias("UploadAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<string> UploadAsync(string fileName, byte[] content);

    /// <summary>Checks the model has a package and the cases exist, stores the job and queues it. Starts once.</summary>
    [Alias("StartAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<PredictionSnapshot> StartAsync(PredictionRequest request);

    /// <summary>The job (null: nothing uploaded or started under this id).</summary>
    [Alias("GetAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<PredictionSnapshot?> GetAsync();

    /// <summary>Stops the job between cases; cases already predicted stay downloadable.</summary>
    [Alias("CancelAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<PredictionSnapshot> CancelAsync();

    /// <summary>
    /// Runs a failed job again with the same model and cases (after its cause is removed, e.g. space freed on a full
    /// work root); the cases predicted before stay and are skipped. Only a failed job can be retried.
    /// </summary>
    [Alias("RetryAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<PredictionSnapshot> RetryAsync();

    /// <summary>The predicted label map of a case (gzip'd NIfTI in the input's geometry); null until it is predicted.</summary>
    [Alias("GetCasePredictionAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<CasePrediction?> GetCasePredictionAsync(string caseId);

    /// <summary>The running job for its worker; null when it is settled or replaced. The worker's calls interleave: a cancel waiting for the worker must not keep it from reporting.</summary>
    [Alias("GetJobAsync"), GrainToGrainOnly, AlwaysInterleave]
    Task<PredictionJob?> GetJobAsync(string jobId);

    [Alias("ReportJobProgressAsync"), GrainToGrainOnly, AlwaysInterleave]
    Task ReportJobProgressAsync(string jobId, PredictionProgress progress);

    [Alias("FinishJobAsync"), GrainToGrainOnly, AlwaysInterleave]
    Task FinishJobAsync(string jobId, PredictionOutcome outcome);
}
