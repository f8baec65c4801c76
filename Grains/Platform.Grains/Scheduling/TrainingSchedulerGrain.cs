using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Scheduling.Placement;
using Platform.Grains.Storage;
using Platform.Grains.Telemetry;
using Platform.Grains.Training;

namespace Platform.Grains.Scheduling;

/// <summary>
/// The durable queue of heavy work (see <see cref="ITrainingSchedulerGrain"/>): training runs on training slots and
/// preprocessing jobs on preprocessing slots. Its state is the queue itself, written before any worker is told to
/// start, so a scheduler reactivated elsewhere knows every placement.
/// It never waits on a run grain inside its own turn (run grains call it, and two non-reentrant grains waiting on
/// each other would deadlock): run grains are moved by workers, or by background tasks that report back with a
/// call to this grain.
/// Lost silos are noticed three ways: membership updates, a periodic timer, and a reminder that reactivates the
/// scheduler if the silo it lived on died.
/// </summary>
public sealed partial class TrainingSchedulerGrain(
    [PersistentState("training-scheduler", StorageNames.Platform)] IPersistentState<SchedulerState> queue,
    IClusterMembershipService membership,
    ISiloMetadataCache siloMetadata,
    IOptions<TrainingOptions> options,
    TimeProvider clock,
    ILogger<TrainingSchedulerGrain> logger) : Grain, ITrainingSchedulerGrain, IRemindable
{
    private const string BackstopReminder = "training-scheduler-backstop";
    private static readonly TimeSpan UnreachableSiloPause = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _deactivating = new();
    private readonly HashSet<string> _recovering = [];
    private readonly Dictionary<string, DateTimeOffset> _unreachableUntil = [];
    private TrainingOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(ReconcileCoreAsync, new GrainTimerCreationOptions(Options.ReconcileInterval, Options.ReconcileInterval) { KeepAlive = true });
        _ = WatchMembershipAsync(_deactivating.Token);
        await this.RegisterOrUpdateReminder(BackstopReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        ReportQueue();
        await ReconcileCoreAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivating.Cancel();
        PlatformMetrics.QueueChanged(0, 0); // the silo that activates the scheduler next reports the queue
        return Task.CompletedTask;
    }

    /// <summary>Stores the queue and reports its size on the platform meter.</summary>
    private async Task WriteQueueAsync()
    {
        await queue.WriteOrDeactivateAsync(this);
        ReportQueue();
    }

    private void ReportQueue()
    {
        var running = queue.State.Entries.Count(e => e.IsAssigned);
        PlatformMetrics.QueueChanged(queue.State.Entries.Count - running, running);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => ReconcileCoreAsync(CancellationToken.None);

    public Task ReconcileAsync() => ReconcileCoreAsync(CancellationToken.None);

    public async Task EnqueueAsync(QueuedRun run)
    {
        if (queue.State.Entries.Any(e => e.RunKey == run.RunKey))
            return;
        var entry = new SchedulerEntry
        {
            RunKey = run.RunKey,
            Lab = GrainKeys.LabOf(run.RunKey),
            Request = run.Request,
            SubmittedAt = run.SubmittedAt,
            Sequence = queue.State.NextSequence,
        };
        queue.State = queue.State with { Entries = [.. queue.State.Entries, entry], NextSequence = queue.State.NextSequence + 1 };
        await WriteQueueAsync();
        LogQueued(logger, run.RunKey, run.Request.Priority);
        await PlaceWaitingRunsAsync();
    }

    public async Task EnqueueJobAsync(QueuedJob job)
    {
        if (job.Kind == WorkKind.Training)
            throw new PlatformValidationException("kind", "Trainings are queued as runs (EnqueueAsync).");
        if (queue.State.Entries.FirstOrDefault(e => e.RunKey == job.OwnerKey) is { } existing)
        {
            // The same job again (its owner's watchdog): nothing to do. Another job of the same owner waits for this one to leave.
            if (existing.JobId == job.JobId)
                return;
            throw new PlatformConflictException($"'{job.OwnerKey}' still has job {existing.JobId} in the queue.");
        }

        var entry = new SchedulerEntry
        {
            RunKey = job.OwnerKey,
            Lab = GrainKeys.LabOf(job.OwnerKey),
            Kind = job.Kind,
            JobId = job.JobId,
            JobPriority = job.Priority,
            SubmittedAt = job.SubmittedAt,
            Sequence = queue.State.NextSequence,
        };
        queue.State = queue.State with { Entries = [.. queue.State.Entries, entry], NextSequence = queue.State.NextSequence + 1 };
        await WriteQueueAsync();
        LogJobQueued(logger, job.OwnerKey, job.Kind, job.JobId);
        await PlaceWaitingRunsAsync();
    }

    public async Task<JobCancellation> CancelJobAsync(string ownerKey, string jobId)
    {
        var entry = queue.State.Entries.FirstOrDefault(e => e.RunKey == ownerKey && e.JobId == jobId);
        if (entry is null)
            return JobCancellation.NotQueued;
        if (!entry.IsAssigned)
        {
            if (entry.Recovering)
                return JobCancellation.Stopping; // its recovery tells the owner
            await ReplaceAsync(entry, null);
            return JobCancellation.Removed;
        }

        await ReplaceAsync(entry, entry with { StopRequested = StopReason.Cancel });
        try
        {
            await StopWorkerAsync(entry, StopReason.Cancel);
        }
        catch (Exception exception) when (exception is not PlatformException)
        {
            // The worker's silo may be gone; reconciliation will notice and tell the owner.
            LogWorkerUnreachable(logger, exception, entry.WorkerKey!, ownerKey);
        }

        return JobCancellation.Stopping;
    }

    /// <summary>The worker grain of the entry's kind on its slot (an evaluation's is a training slot's other grain).</summary>
    private Task StopWorkerAsync(SchedulerEntry entry, StopReason reason) => entry.Kind switch
    {
        WorkKind.Preprocessing => GrainFactory.GetGrain<IPreprocessingWorkerGrain>(entry.WorkerKey!).StopAsync(entry.RunKey, reason),
        WorkKind.Evaluation => GrainFactory.GetGrain<IEvaluationWorkerGrain>(entry.WorkerKey!).StopAsync(entry.RunKey, reason),
        WorkKind.Prediction => GrainFactory.GetGrain<IPredictionWorkerGrain>(entry.WorkerKey!).StopAsync(entry.RunKey, reason),
        _ => GrainFactory.GetGrain<ITrainingWorkerGrain>(entry.WorkerKey!).StopAsync(entry.RunKey, reason),
    };

    private Task StartWorkerAsync(SchedulerEntry entry)
    {
        var assignment = new WorkerAssignment(entry.RunKey, entry.Request, entry.Placements, entry.Kind, entry.JobId);
        return entry.Kind switch
        {
            WorkKind.Preprocessing => GrainFactory.GetGrain<IPreprocessingWorkerGrain>(entry.WorkerKey!).StartAsync(assignment),
            WorkKind.Evaluation => GrainFactory.GetGrain<IEvaluationWorkerGrain>(entry.WorkerKey!).StartAsync(assignment),
            WorkKind.Prediction => GrainFactory.GetGrain<IPredictionWorkerGrain>(entry.WorkerKey!).StartAsync(assignment),
            _ => GrainFactory.GetGrain<ITrainingWorkerGrain>(entry.WorkerKey!).StartAsync(assignment),
        };
    }

    public async Task StopAsync(string runKey, StopReason reason)
    {
        var entry = queue.State.Entries.FirstOrDefault(e => e.RunKey == runKey);
        if (entry is null)
            return;
        if (!entry.IsAssigned)
        {
            // Not started yet: leaving the queue is all there is to it (a waiting run cannot be paused, only cancelled).
            if (reason == StopReason.Cancel && !entry.Recovering)
                await ReplaceAsync(entry, null);
            return;
        }

        await ReplaceAsync(entry, entry with { StopRequested = reason });
        try
        {
            await StopWorkerAsync(entry, reason);
        }
        catch (Exception exception) when (exception is not PlatformException)
        {
            // The worker's silo may be gone; reconciliation will notice and settle the run.
            LogWorkerUnreachable(logger, exception, entry.WorkerKey!, runKey);
        }
    }

    public async Task ReportProgressAsync(string runKey, int epoch, int totalEpochs, double secondsPerEpoch)
    {
        var entry = queue.State.Entries.FirstOrDefault(e => e.RunKey == runKey);
        if (entry is null || !entry.IsAssigned)
            return;
        await ReplaceAsync(entry, entry with { Epoch = epoch, TotalEpochs = totalEpochs, SecondsPerEpoch = secondsPerEpoch });
    }

    public async Task ReleaseAsync(string runKey, string workerKey, bool requeue)
    {
        // Only the worker that holds the run may release it: a late word from an earlier placement changes nothing.
        var entry = queue.State.Entries.FirstOrDefault(e => e.RunKey == runKey && e.WorkerKey == workerKey);
        if (entry is null)
            return;
        _recovering.Remove(runKey);
        await ReplaceAsync(entry, requeue
            ? entry with { Silo = null, Slot = 0, AssignedAt = null, Recovering = false, StopRequested = null }
            : null);
        LogReleased(logger, runKey, workerKey, requeue);
        await PlaceWaitingRunsAsync();
    }

    public Task<TrainingQueueView> GetQueueAsync() =>
        Task.FromResult(QueuePlanner.View(queue.State.Entries, AvailableSlots(includeUnreachable: true).Count(s => s.Pool == SlotPool.Training), Options.MaxRunningPerLab, clock.GetUtcNow()));

    private async Task ReconcileCoreAsync(CancellationToken cancellationToken)
    {
        var snapshot = membership.CurrentSnapshot;
        foreach (var entry in queue.State.Entries.Where(e => e.Recovering && !_recovering.Contains(e.RunKey)).ToList())
        {
            // A recovery that failed, or that a previous activation of this grain began.
            _recovering.Add(entry.RunKey);
            _ = RecoverAsync(entry);
        }

        foreach (var entry in queue.State.Entries.Where(e => e.IsAssigned && !e.Recovering).ToList())
        {
            var status = snapshot.GetSiloStatus(SiloAddress.FromParsableString(entry.Silo!));
            // Dead, or not in the table any more: the silo will never report back. Anything else (joining,
            // suspected, shutting down) may still finish the run or release it itself.
            if (status is SiloStatus.Dead or SiloStatus.None)
                await StartRecoveryAsync(entry);
        }

        await PlaceWaitingRunsAsync();
    }

    /// <summary>Marks the run as recovering (durably), then moves its run grain outside this turn.</summary>
    private async Task StartRecoveryAsync(SchedulerEntry entry)
    {
        var lost = entry with { Losses = entry.Losses + 1, Recovering = true };
        await ReplaceAsync(entry, lost);
        _recovering.Add(entry.RunKey);
        LogSiloLost(logger, entry.Silo!, entry.RunKey, entry.Epoch, lost.Losses);
        _ = RecoverAsync(lost);
    }

    private async Task RecoverAsync(SchedulerEntry entry)
    {
        if (entry.Kind != WorkKind.Training)
        {
            await RecoverJobAsync(entry);
            return;
        }

        var self = this.AsReference<ITrainingSchedulerGrain>();
        var run = GrainFactory.GetGrain<ITrainingRunGrain>(entry.RunKey);
        try
        {
            var snapshot = await run.PeekAsync();
            var at = entry.Epoch is { } epoch ? $" at epoch {epoch}" : "";
            var action = LostRunDecision.Decide(snapshot?.State, entry.Losses, Options.MaxPlacements);
            if (action == LostRunAction.Fail)
                await run.MoveAsync(RunState.Failed, $"its training silo was lost {entry.Losses} times (last {entry.Silo}{at}); it is not placed again");
            else if (action == LostRunAction.Requeue)
                await run.MoveAsync(RunState.Queued, $"silo {entry.Silo} was lost{at}; back in the queue to resume from its last checkpoint");

            await self.ReleaseAsync(entry.RunKey, entry.WorkerKey!, requeue: action is LostRunAction.Requeue or LostRunAction.MakePlaceable);
        }
        catch (Exception exception)
        {
            // Left marked as recovering; the next reconciliation tries again.
            _recovering.Remove(entry.RunKey);
            LogRecoveryFailed(logger, exception, entry.RunKey);
        }
    }

    /// <summary>
    /// A job whose silo was lost goes back to the queue (its finished cases stay on disk), unless it was being
    /// cancelled or has lost its silo too often: then its owner hears that it stopped.
    /// </summary>
    private async Task RecoverJobAsync(SchedulerEntry entry)
    {
        var self = this.AsReference<ITrainingSchedulerGrain>();
        try
        {
            var requeue = entry.StopRequested is null && entry.Losses < Options.MaxPlacements;
            if (!requeue)
            {
                var cancelled = entry.StopRequested is not null;
                var lost = $"its silo was lost {entry.Losses} times (last {entry.Silo}); it is not placed again";
                if (entry.Kind == WorkKind.Preprocessing)
                {
                    await GrainFactory.GetGrain<IPreprocessingGrain>(entry.RunKey).FinishJobAsync(entry.JobId!, cancelled
                        ? PreprocessingJobOutcome.Stopped(PreprocessingJobState.Cancelled, null, null)
                        : PreprocessingJobOutcome.Stopped(PreprocessingJobState.Failed, null, lost));
                }
                else if (entry.Kind == WorkKind.Evaluation)
                {
                    await GrainFactory.GetGrain<ICrossValidationGrain>(entry.RunKey).FinishEvaluationAsync(entry.JobId!,
                        new EvaluationOutcome(null, cancelled ? null : "The evaluation's " + lost, cancelled));
                }
                else if (entry.Kind == WorkKind.Prediction)
                {
                    await GrainFactory.GetGrain<IPredictionGrain>(entry.RunKey).FinishJobAsync(entry.JobId!, cancelled
                        ? new PredictionOutcome(PredictionState.Cancelled, [], null)
                        : new PredictionOutcome(PredictionState.Failed, [], "The prediction's " + lost));
                }
            }

            await self.ReleaseAsync(entry.RunKey, entry.WorkerKey!, requeue);
        }
        catch (Exception exception)
        {
            // Left marked as recovering; the next reconciliation tries again.
            _recovering.Remove(entry.RunKey);
            LogRecoveryFailed(logger, exception, entry.RunKey);
        }
    }

    private async Task PlaceWaitingRunsAsync()
    {
        var placements = QueuePlanner.Place(queue.State.Entries, AvailableSlots(includeUnreachable: false), Options.MaxRunningPerLab);
        if (placements.Count == 0)
            return;

        var now = clock.GetUtcNow();
        var assigned = placements.Select(p => (Old: p.Entry, New: p.Entry with
        {
            Silo = p.Slot.Silo, Slot = p.Slot.Slot, AssignedAt = now, Placements = p.Entry.Placements + 1,
            StopRequested = null, Epoch = null, TotalEpochs = null, SecondsPerEpoch = null,
        })).ToList();
        var byKey = assigned.ToDictionary(a => a.Old.RunKey, a => a.New);
        queue.State = queue.State with { Entries = queue.State.Entries.Select(e => byKey.GetValueOrDefault(e.RunKey, e)).ToList() };
        // Durable before any worker starts: a scheduler that dies now still knows where each run went.
        await WriteQueueAsync();

        foreach (var (_, entry) in assigned)
        {
            LogPlaced(logger, entry.RunKey, entry.Silo!, entry.Slot, entry.Placements);
            try
            {
                await StartWorkerAsync(entry);
            }
            catch (Exception exception)
            {
                // Placement refused (the silo left: skip it for a while) or the slot is still busy: the run waits again.
                LogStartFailed(logger, exception, entry.RunKey, entry.WorkerKey!);
                if (exception is not PlatformConflictException)
                    _unreachableUntil[entry.Silo!] = clock.GetUtcNow() + UnreachableSiloPause;
                var current = queue.State.Entries.First(e => e.RunKey == entry.RunKey);
                await ReplaceAsync(current, current with { Silo = null, Slot = 0, AssignedAt = null, Placements = current.Placements - 1 });
            }
        }
    }

    public Task<TrainingDevices> GetTrainingDevicesAsync()
    {
        var silos = ActiveSilos().Select(s => s.Capabilities).ToList();
        return Task.FromResult(new TrainingDevices(
            silos.Where(c => c.Kind == TrainingKind.Gpu).Sum(c => c.Slots), silos.Where(c => c.Kind == TrainingKind.Cpu).Sum(c => c.Slots)));
    }

    /// <summary>The active silos and what each advertises.</summary>
    private IEnumerable<(string Silo, TrainingCapabilities Capabilities)> ActiveSilos() =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active)
            .Select(m => (m.SiloAddress.ToParsableString(), TrainingCapabilities.FromMetadata(siloMetadata.GetSiloMetadata(m.SiloAddress).Metadata)));

    private List<TrainingSlot> AvailableSlots(bool includeUnreachable)
    {
        var now = clock.GetUtcNow();
        var slots = new List<TrainingSlot>();
        foreach (var (silo, capabilities) in ActiveSilos())
        {
            if (!includeUnreachable && _unreachableUntil.TryGetValue(silo, out var until) && until > now)
                continue;
            foreach (var pool in Enum.GetValues<SlotPool>())
            {
                for (var slot = 0; slot < capabilities.SlotsOf(pool); slot++)
                    slots.Add(new TrainingSlot(silo, slot, pool));
            }
        }

        return slots;
    }

    private async Task WatchMembershipAsync(CancellationToken cancellationToken)
    {
        var self = this.AsReference<ITrainingSchedulerGrain>();
        try
        {
            await foreach (var _ in membership.MembershipUpdates.WithCancellation(cancellationToken))
                await self.ReconcileAsync();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Deactivating.
        }
        catch (Exception exception)
        {
            // The timer and the reminder still reconcile; this only makes it faster.
            LogMembershipWatchFailed(logger, exception);
        }
    }

    private async Task ReplaceAsync(SchedulerEntry old, SchedulerEntry? replacement)
    {
        queue.State = queue.State with
        {
            Entries = replacement is null
                ? queue.State.Entries.Where(e => e.RunKey != old.RunKey).ToList()
                : queue.State.Entries.Select(e => e.RunKey == old.RunKey ? replacement : e).ToList(),
        };
        await WriteQueueAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunKey} queued (priority {Priority})")]
    private static partial void LogQueued(ILogger logger, string runKey, int priority);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} job {JobId} of {OwnerKey} queued")]
    private static partial void LogJobQueued(ILogger logger, string ownerKey, WorkKind kind, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunKey} placed on {Silo} slot {Slot} (placement {Placement})")]
    private static partial void LogPlaced(ILogger logger, string runKey, string silo, int slot, int placement);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunKey} released by {Worker} (requeue: {Requeue})")]
    private static partial void LogReleased(ILogger logger, string runKey, string worker, bool requeue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} running {RunKey} is lost (last epoch {Epoch}, loss {Losses})")]
    private static partial void LogSiloLost(ILogger logger, string silo, string runKey, int? epoch, int losses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start {RunKey} on {Worker}")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string runKey, string worker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {Worker} of {RunKey} could not be reached")]
    private static partial void LogWorkerUnreachable(ILogger logger, Exception exception, string worker, string runKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovering {RunKey} failed; will retry")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception, string runKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching cluster membership failed")]
    private static partial void LogMembershipWatchFailed(ILogger logger, Exception exception);
}
