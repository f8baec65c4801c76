using Microsoft.Extensions.Logging;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Scheduling;

/// <summary>
/// What every slot worker does, whatever it runs (a training, a preprocessing, an evaluation, a prediction): hold
/// one assignment at a time, run it outside its own turns, stop it when asked or when the silo stops, and free the
/// slot with the scheduler. A subclass runs its kind of work and tells the owner how it ended. Nothing here is
/// stored: if the silo dies, the scheduler's recovery places the work again or tells its owner.
/// </summary>
public abstract partial class ScheduledJobWorker(ILogger logger) : Grain
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    private WorkerAssignment? _current;
    private CancellationTokenSource? _cancel;
    private Task? _execution;
    private IGrainTimer? _keepAlive;

    /// <summary>The kind of job this worker runs.</summary>
    protected abstract WorkKind Kind { get; }

    protected string WorkerKey => this.GetPrimaryKeyString();

    /// <summary>A person cancelled the job (not the silo stopping): its owner hears it was cancelled, and it is not placed again.</summary>
    protected bool CancelRequested { get; private set; }

    /// <summary>The assignment being run; null while the slot is free.</summary>
    protected WorkerAssignment? Current => _current;

    public Task StartAsync(WorkerAssignment assignment)
    {
        if (assignment.Kind != Kind || !CanRun(assignment))
            throw new PlatformValidationException("assignment", $"Slot {WorkerKey} runs {Kind} work, not this {assignment.Kind} assignment.");
        if (_current is { } current)
        {
            return current.RunKey == assignment.RunKey && current.JobId == assignment.JobId
                ? Task.CompletedTask
                : throw new PlatformConflictException($"Slot {WorkerKey} is busy with '{current.RunKey}'.");
        }

        _current = assignment;
        _cancel = new CancellationTokenSource();
        CancelRequested = false;
        OnStarting(assignment);
        // A job may outlive the idle-collection age: keep the activation while it runs.
        _keepAlive = this.RegisterGrainTimer(() => Task.CompletedTask, new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true });
        _execution = ExecuteAsync(assignment, _cancel.Token);
        return Task.CompletedTask;
    }

    public Task StopAsync(string ownerKey, StopReason reason)
    {
        if (_current?.RunKey != ownerKey || _cancel is null)
            return Task.CompletedTask;
        if (StopsAtOnce(reason))
        {
            CancelRequested = true;
            _cancel.Cancel();
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether the assignment carries what this kind of work needs (a job id, a training request).</summary>
    protected virtual bool CanRun(WorkerAssignment assignment) => assignment.JobId is not null;

    /// <summary>Resets what a subclass keeps per assignment.</summary>
    protected virtual void OnStarting(WorkerAssignment assignment)
    {
    }

    /// <summary>
    /// Whether a stop request cancels the work now. A job has no checkpoints to wait for, so by default a pause is
    /// a cancel; a training overrides this to let a pause finish its epoch.
    /// </summary>
    protected virtual bool StopsAtOnce(StopReason reason) => true;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_execution is null || _cancel is null)
            return;
        // The silo is stopping: stop the job and give it a moment to release its slot for a new placement.
        await _cancel.CancelAsync();
        await _execution.WaitAsync(StopGrace, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
    }

    /// <summary>
    /// Runs the work (its heavy part on the thread pool) and tells its owner how it ended, from this grain's context.
    /// Returns true when it goes back to the queue: it was stopped by the silo stopping, not by a person. Called
    /// synchronously from <see cref="StartAsync"/>, so <see cref="TaskScheduler.Current"/> is the grain's scheduler
    /// until its first await.
    /// </summary>
    protected abstract Task<bool> RunJobAsync(WorkerAssignment assignment, CancellationToken cancellationToken);

    /// <summary>Runs on the grain's scheduler; only the job's heavy part goes to the thread pool.</summary>
    private async Task ExecuteAsync(WorkerAssignment assignment, CancellationToken cancellationToken)
    {
        var requeue = false;
        try
        {
            requeue = await RunJobAsync(assignment, cancellationToken);
        }
        catch (Exception exception)
        {
            // The owner was not told (it may be unreachable): its watchdog queues the job again.
            LogJobFailed(logger, exception, Kind, assignment.RunKey, WorkerKey);
        }

        // Free before telling the scheduler: it places the next job on this slot while handling the release.
        _current = null;
        _cancel?.Dispose();
        _cancel = null;
        _keepAlive?.Dispose();
        _keepAlive = null;
        try
        {
            await GrainFactory.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler).ReleaseAsync(assignment.RunKey, WorkerKey, requeue);
        }
        catch (Exception exception)
        {
            LogReleaseFailed(logger, exception, assignment.RunKey, WorkerKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} job of {OwnerKey} on {Worker} ended without telling its owner")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, WorkKind kind, string ownerKey, string worker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the slot {Worker} held for {OwnerKey}")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string ownerKey, string worker);
}
