using Microsoft.Extensions.Logging;
using Orleans.Placement;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Preprocessing;
using Platform.Grains.Scheduling.Placement;
using Platform.Preprocessing.Datasets;

namespace Platform.Grains.Scheduling;

/// <summary>
/// One preprocessing slot of one silo. The placement filters put it on the silo its key names, and only if that
/// silo advertises preprocessing slots. It runs the job the scheduler placed here with the silo's
/// <see cref="PreprocessingJobExecutor"/>, outside its own turns, reports progress (at most ten times a second) and the
/// outcome to the plan's preprocessing grain from its own context, and frees the slot. Nothing here is stored: if the
/// silo dies, the scheduler places the job again and the finished cases are skipped.
/// </summary>
[PreprocessingSiloPlacementFilter(order: 1)]
[SiloInKeyPlacementFilter(order: 2)]
[RandomPlacement]
public sealed partial class PreprocessingWorkerGrain(
    PreprocessingJobExecutor executor,
    ILogger<PreprocessingWorkerGrain> logger) : Grain, IPreprocessingWorkerGrain
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private WorkerAssignment? _current;
    private CancellationTokenSource? _cancel;
    private bool _cancelRequested;
    private Task? _execution;
    private IGrainTimer? _reporter;
    private volatile DatasetPreprocessingProgress? _latest;
    private DatasetPreprocessingProgress? _reported;

    private string WorkerKey => this.GetPrimaryKeyString();

    public Task StartAsync(WorkerAssignment assignment)
    {
        if (assignment.Kind != WorkKind.Preprocessing || assignment.JobId is null)
            throw new PlatformValidationException("assignment", $"Preprocessing slot {WorkerKey} runs preprocessing jobs, not {assignment.Kind}.");
        if (_current is { } current)
        {
            return current.RunKey == assignment.RunKey && current.JobId == assignment.JobId
                ? Task.CompletedTask
                : throw new PlatformConflictException($"Preprocessing slot {WorkerKey} is busy with '{current.RunKey}'.");
        }

        _current = assignment;
        _cancel = new CancellationTokenSource();
        _cancelRequested = false;
        _latest = null;
        _reported = null;
        // Reports progress from the grain's context; KeepAlive holds the activation while the job runs.
        _reporter = this.RegisterGrainTimer(ReportProgressAsync, new GrainTimerCreationOptions(ProgressInterval, ProgressInterval) { KeepAlive = true });
        _execution = ExecuteAsync(assignment, _cancel.Token);
        return Task.CompletedTask;
    }

    public Task StopAsync(string ownerKey, StopReason reason)
    {
        if (_current?.RunKey != ownerKey || _cancel is null)
            return Task.CompletedTask;
        // A job has no checkpoints to wait for: a pause is a cancel here (finished cases stay either way).
        _cancelRequested = true;
        _cancel.Cancel();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_execution is null || _cancel is null)
            return;
        // The silo is stopping: stop between cases and give the job a moment to release its slot for a new placement.
        await _cancel.CancelAsync();
        await _execution.WaitAsync(StopGrace, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
    }

    /// <summary>Runs on the grain's scheduler; only the executor itself goes to the thread pool.</summary>
    private async Task ExecuteAsync(WorkerAssignment assignment, CancellationToken cancellationToken)
    {
        var owner = GrainFactory.GetGrain<IPreprocessingGrain>(assignment.RunKey);
        var jobId = assignment.JobId!;
        PreprocessingJobOutcome? outcome = null;
        var requeue = false;
        try
        {
            var job = await owner.GetJobAsync(jobId);
            if (job is not null)
            {
                var progress = new Progress(p => _latest = p);
                outcome = await Task.Run(() => executor.RunAsync(assignment.RunKey, job, progress, cancellationToken), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled by a person, or the silo is stopping: then the job goes back to the queue to go on elsewhere.
            requeue = !_cancelRequested;
            if (_cancelRequested)
                outcome = PreprocessingJobOutcome.Stopped(PreprocessingJobState.Cancelled, ToJobProgress(_latest), null);
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, assignment.RunKey, WorkerKey);
            outcome = PreprocessingJobOutcome.Stopped(PreprocessingJobState.Failed, ToJobProgress(_latest), $"{exception.GetType().Name} on {WorkerKey}: {exception.Message}");
        }

        _reporter?.Dispose();
        _reporter = null;
        try
        {
            if (outcome is not null)
                await owner.FinishJobAsync(jobId, outcome);
        }
        catch (Exception exception)
        {
            // The owner's reminder queues the job again; it then finds every case done and reports at once.
            LogReportFailed(logger, exception, assignment.RunKey);
        }

        // Free before telling the scheduler: it places the next job on this slot while handling the release.
        _current = null;
        _cancel?.Dispose();
        _cancel = null;
        try
        {
            await GrainFactory.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler).ReleaseAsync(assignment.RunKey, WorkerKey, requeue);
        }
        catch (Exception exception)
        {
            LogReportFailed(logger, exception, assignment.RunKey);
        }
    }

    private async Task ReportProgressAsync(CancellationToken cancellationToken)
    {
        var latest = _latest;
        if (_current is not { } current || latest is null || latest == _reported)
            return;
        _reported = latest;
        await GrainFactory.GetGrain<IPreprocessingGrain>(current.RunKey).ReportJobProgressAsync(current.JobId!, ToJobProgress(latest)!);
    }

    private PreprocessingJobProgress? ToJobProgress(DatasetPreprocessingProgress? p) =>
        p is null ? null : new PreprocessingJobProgress(p.Total, p.Done, p.Skipped, p.Failed, p.CurrentCase, SiloInKeyPlacementFilterDirector.SiloOf(WorkerKey));

    /// <summary>Keeps the latest report; the library reports from worker threads.</summary>
    private sealed class Progress(Action<DatasetPreprocessingProgress> report) : IProgress<DatasetPreprocessingProgress>
    {
        public void Report(DatasetPreprocessingProgress value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Preprocessing {OwnerKey} failed on {Worker}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string ownerKey, string worker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report the end of preprocessing {OwnerKey}")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string ownerKey);
}
