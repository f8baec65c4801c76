using Orleans.Concurrency;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Training;

/// <summary>
/// One training run: a plan version on a fold, with its state history and metric history. Keyed by
/// <see cref="GrainKeys.Run"/>. People create, pause, resume and cancel runs; the training machinery
/// (other grains) reports preparation, progress and the outcome.
/// </summary>
[Alias("Platform.Grains.Abstractions.Training.ITrainingRunGrain")]
public interface ITrainingRunGrain : IGrainWithStringKey
{
    /// <summary>Creates the run and puts it in the cluster's training queue. Checks the plan version exists and the project accepts runs.</summary>
    [Alias("CreateAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<RunSnapshot> CreateAsync(RunRequest request);

    /// <summary>
    /// Creates a run for another grain acting for <paramref name="requestedBy"/> (a sweep launching a trial from its
    /// background, where no user credential is at hand). Same checks and idempotence as <see cref="CreateAsync"/>.
    /// </summary>
    [Alias("CreateForAsync"), GrainToGrainOnly]
    Task<RunSnapshot> CreateForAsync(RunRequest request, string requestedBy);

    [Alias("GetAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<RunSnapshot?> GetAsync();

    /// <summary>The final evaluation: Dice per validation case and label in native space (empty until the run completed).</summary>
    [Alias("GetScoresAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<IReadOnlyList<CaseScore>> GetScoresAsync();

    /// <summary>
    /// The final evaluation of a classification or regression run: every validation case's prediction beside its target,
    /// with accuracy, balanced accuracy, AUROC, precision, recall and the confusion matrix, or MAE, MSE and R². Null until
    /// such a run completed, and for segmentation runs.
    /// </summary>
    [Alias("GetTargetResultsAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<RunTargetResults?> GetTargetResultsAsync();

    /// <summary>
    /// The run's predicted label map of a validation case (the file its final evaluation wrote); null when the run
    /// has not predicted that case (it was not in the run's validation fold, or the run has not completed).
    /// </summary>
    [Alias("GetPredictionAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<CasePrediction?> GetPredictionAsync(string caseId);

    /// <summary>Pushes this run's epochs and state changes to <paramref name="observer"/> (renew within <see cref="RunProgressSubscriptions.Lifetime"/>).</summary>
    [Alias("SubscribeAsync"), RequiresLabRole(LabRole.Viewer)]
    Task SubscribeAsync(IRunProgressObserver observer);

    [Alias("UnsubscribeAsync"), RequiresLabRole(LabRole.Viewer)]
    Task UnsubscribeAsync(IRunProgressObserver observer);

    /// <summary>Whether the project's data changed since the data this run trains on (or, before it is placed, its plan version's) was fingerprinted.</summary>
    [Alias("GetDataDriftAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<DataDrift> GetDataDriftAsync();

    /// <summary>
    /// Asks a running training to stop at the end of its current epoch, writing a checkpoint then; the run becomes
    /// Paused, keeping that checkpoint. Until then the snapshot says a pause is pending (<see cref="RunSnapshot.PauseRequested"/>).
    /// </summary>
    [Alias("PauseAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<RunSnapshot> PauseAsync();

    /// <summary>A paused run goes back to the queue; it continues from its last checkpoint when placed.</summary>
    [Alias("ResumeAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<RunSnapshot> ResumeAsync();

    [Alias("CancelAsync"), RequiresLabRole(LabRole.Scientist)]
    Task<RunSnapshot> CancelAsync(string? reason);

    /// <summary>The run as the training machinery reads it (it carries no user's credential); null when it does not exist.</summary>
    [Alias("PeekAsync"), GrainToGrainOnly]
    Task<RunSnapshot?> PeekAsync();

    /// <summary>
    /// The dataset the run trains on: recorded on the first call from its plan version's fingerprint (pinning the
    /// current one on a version that has none), returned unchanged on every later call.
    /// </summary>
    [Alias("ResolveDatasetAsync"), GrainToGrainOnly]
    Task<RunDataset> ResolveDatasetAsync();

    /// <summary>What the placed run is waiting for (null: nothing more); shown in its snapshot while it is preparing.</summary>
    [Alias("ReportPreparationAsync"), GrainToGrainOnly]
    Task ReportPreparationAsync(RunPreparation? preparation);

    [Alias("MoveAsync"), GrainToGrainOnly]
    Task<RunSnapshot> MoveAsync(RunState to, string? reason);

    /// <summary>Where the running training is within its epoch; kept in memory, shown in snapshots and pushed to subscribers.</summary>
    [Alias("ReportIterationsAsync"), GrainToGrainOnly]
    Task ReportIterationsAsync(RunIterations iterations);

    [Alias("RecordEpochAsync"), GrainToGrainOnly]
    Task RecordEpochAsync(EpochMetrics metrics);

    /// <summary>The trainer wrote a checkpoint; a run placed again continues from the last one recorded.</summary>
    [Alias("RecordCheckpointAsync"), GrainToGrainOnly]
    Task RecordCheckpointAsync(CheckpointRecord checkpoint);

    /// <summary>
    /// Writes this run's row of the project's run list now. The project grain calls it once for runs created before
    /// the list was a table; it interleaves, so a run busy calling the project cannot deadlock with it.
    /// </summary>
    [Alias("IndexAsync"), GrainToGrainOnly, AlwaysInterleave]
    Task IndexAsync();

    /// <summary>Records the result and completes the run. A second report of the same completion changes nothing.</summary>
    [Alias("CompleteAsync"), GrainToGrainOnly]
    Task<RunSnapshot> CompleteAsync(RunResultSummary result);
}
