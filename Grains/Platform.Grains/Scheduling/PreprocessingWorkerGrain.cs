using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Datasources;
using Platform.Grains.Preprocessing;
using Platform.Grains.Scheduling.Placement;
using Platform.Grains.Storage;
using Platform.Imaging.IO;
using Platform.Preprocessing.Datasets;
using Platform.ServiceDefaults.Database;

namespace Platform.Grains.Scheduling;

/// <summary>
/// One preprocessing slot of one silo. The placement filters put it on the silo its key names, and only if that
/// silo advertises preprocessing slots. It runs the job with the silo's <see cref="PreprocessingJobExecutor"/> and
/// reports progress (at most ten times a second) and the outcome to the plan's preprocessing grain. A job placed
/// again after its silo was lost skips the cases already committed; so does a job the database's outage
/// interrupted: it goes back to the queue instead of failing, and its end is reported through the outage.
/// </summary>
[PreprocessingSiloPlacementFilter(order: 1)]
[SiloInKeyPlacementFilter(order: 2)]
[RandomPlacement]
public sealed partial class PreprocessingWorkerGrain(
    PreprocessingJobExecutor executor,
    IOptions<StorageOptions> storage,
    IOptions<DatabaseAvailabilityOptions> database,
    TimeProvider clock,
    ILogger<PreprocessingWorkerGrain> logger) : ScheduledJobWorker(logger), IPreprocessingWorkerGrain
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private volatile DatasetPreprocessingProgress? _latest;
    private DatasetPreprocessingProgress? _reported;

    protected override WorkKind Kind => WorkKind.Preprocessing;

    protected override async Task<bool> RunJobAsync(WorkerAssignment assignment, CancellationToken cancellationToken)
    {
        var owner = GrainFactory.GetGrain<IPreprocessingGrain>(assignment.RunKey);
        var jobId = assignment.JobId!;
        var job = await owner.GetJobAsync(jobId);
        if (job is null)
            return false; // settled or replaced meanwhile: nothing to do

        _latest = null;
        _reported = null;
        using var reporter = this.RegisterGrainTimer(ct => ReportProgressAsync(owner, jobId), new GrainTimerCreationOptions(ProgressInterval, ProgressInterval));
        PreprocessingJobOutcome outcome;
        try
        {
            outcome = await Task.Run(() => executor.RunAsync(assignment.RunKey, job, new Progress(p => _latest = p), cancellationToken), CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping: back to the queue, to go on elsewhere from the committed cases.
            if (!CancelRequested)
                return true;
            outcome = PreprocessingJobOutcome.Stopped(PreprocessingJobState.Cancelled, ToJobProgress(_latest), null);
        }
        catch (Exception exception) when (DatabaseOutage.IsCause(exception) && !CancelRequested)
        {
            // Nothing is wrong with the job: back to the queue, to go on from the committed cases once the database returns.
            LogInterruptedByOutage(logger, assignment.RunKey, WorkerKey, exception.Message);
            return true;
        }
        catch (IOException exception) when (StorageFullException.IsNoSpace(exception))
        {
            // Not retried on its own: space comes back when a person frees it. The committed cases stay for the next start.
            LogFailed(logger, exception, assignment.RunKey, WorkerKey);
            outcome = PreprocessingJobOutcome.Stopped(PreprocessingJobState.Failed, ToJobProgress(_latest), WorkRootFull.Reason(storage.Value.RequireWorkRoot(), exception,
                "The cases committed before it are kept; start the job again once space is freed and it goes on from them."));
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, assignment.RunKey, WorkerKey);
            outcome = PreprocessingJobOutcome.Stopped(PreprocessingJobState.Failed, ToJobProgress(_latest), $"{exception.GetType().Name} on {WorkerKey}: {exception.Message}");
        }

        await OutageRetry.RunAsync(() => owner.FinishJobAsync(jobId, outcome), database.Value.OutageTolerance, clock,
            (delay, exception) => LogFinishWaitsForDatabase(logger, assignment.RunKey, delay, exception.Message));
        return false;
    }

    private async Task ReportProgressAsync(IPreprocessingGrain owner, string jobId)
    {
        var latest = _latest;
        if (latest is null || latest == _reported)
            return;
        _reported = latest;
        await owner.ReportJobProgressAsync(jobId, ToJobProgress(latest)!);
    }

    private PreprocessingJobProgress? ToJobProgress(DatasetPreprocessingProgress? p) =>
        p is null ? null : new PreprocessingJobProgress(p.Total, p.Done, p.Skipped, p.Failed, p.CurrentCase, SiloInKeyPlacementFilterDirector.SiloOf(WorkerKey));

    /// <summary>Keeps the latest report; the library reports from worker threads.</summary>
    private sealed class Progress(Action<DatasetPreprocessingProgress> report) : IProgress<DatasetPreprocessingProgress>
    {
        public void Report(DatasetPreprocessingProgress value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preprocessing {OwnerKey} on {Worker} stopped by a database outage ({Reason}); back in the queue to go on from its committed cases")]
    private static partial void LogInterruptedByOutage(ILogger logger, string ownerKey, string worker, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The end of preprocessing {OwnerKey} could not be stored, the database is unreachable ({Reason}); retrying in {Delay}")]
    private static partial void LogFinishWaitsForDatabase(ILogger logger, string ownerKey, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Preprocessing {OwnerKey} failed on {Worker}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string ownerKey, string worker);
}
