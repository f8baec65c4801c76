using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Datasources;
using Platform.Grains.Scheduling.Placement;
using Platform.Grains.Storage;
using Platform.Grains.Training;
using Platform.Grains.Training.Execution;
using Platform.Imaging.IO;
using Platform.Plans.Tasks;
using Platform.ServiceDefaults.Database;

namespace Platform.Grains.Scheduling;

/// <summary>
/// One training slot of one silo. The two placement filters put it on the silo its key names, and only if that
/// silo can train. It runs one training at a time through the silo's <see cref="ITrainingExecutor"/>, outside its
/// own turns (Task.Run), and reports progress to the run grain and the scheduler from its own context. Holding the
/// slot, stopping and releasing are <see cref="ScheduledJobWorker"/>'s; a pause here lets the executor finish its
/// epoch and write a checkpoint.
/// </summary>
[TrainingSiloPlacementFilter(order: 1)]
[SiloInKeyPlacementFilter(order: 2)]
[RandomPlacement]
public sealed partial class TrainingWorkerGrain(
    ITrainingExecutor executor,
    IOptions<StorageOptions> storage,
    IOptions<DatabaseAvailabilityOptions> database,
    TimeProvider clock,
    ILogger<TrainingWorkerGrain> logger) : ScheduledJobWorker(logger), ITrainingWorkerGrain, ITrainingProgressSink
{
    /// <summary>How often a run waiting for its dataset asks the preprocessing job again.</summary>
    private static readonly TimeSpan DatasetPoll = TimeSpan.FromMilliseconds(500);

    private StopReason? _stop;
    private bool _running;
    private int _lastEpoch = -1;
    private CancellationTokenSource _pause = new();

    protected override WorkKind Kind => WorkKind.Training;

    protected override bool CanRun(WorkerAssignment assignment) => assignment.Request is not null;

    protected override void OnStarting(WorkerAssignment assignment)
    {
        _stop = null;
        _running = false;
        _lastEpoch = -1;
        _pause.Dispose();
        _pause = new CancellationTokenSource();
    }

    /// <remarks>A pause tells the executor to stop at the end of its epoch, after a checkpoint, so no work is lost; a cancel stops now.</remarks>
    protected override bool StopsAtOnce(StopReason reason)
    {
        _stop = reason;
        if (reason == StopReason.Pause)
            _pause.Cancel();
        return reason == StopReason.Cancel;
    }

    protected override async Task<bool> RunJobAsync(WorkerAssignment assignment, CancellationToken cancellationToken)
    {
        var grainScheduler = TaskScheduler.Current;
        var run = GrainFactory.GetGrain<ITrainingRunGrain>(assignment.RunKey);
        TrainingOutcome? outcome;
        try
        {
            var snapshot = await run.MoveAsync(RunState.Preparing, $"placed on {WorkerKey} (placement {assignment.Attempt})");
            var work = BuildAssignment(assignment, snapshot.LastCheckpoint);
            Directory.CreateDirectory(work.WorkFolder);
            var sink = new GrainContextProgressSink(grainScheduler, this);
            outcome = await Task.Run(() => executor.RunAsync(work, sink, cancellationToken), CancellationToken.None);
        }
        catch (PlatformConflictException exception) when (!_running && _stop is null)
        {
            // The run left the queue before it started here (cancelled, or moved by someone else): nothing to report.
            LogAbandoned(logger, exception, assignment.RunKey, WorkerKey);
            outcome = null;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested || _stop is not null)
        {
            outcome = TrainingOutcome.Stopped();
        }
        catch (IOException exception) when (StorageFullException.IsNoSpace(exception))
        {
            outcome = TrainingOutcome.Suspended(WorkRootFull.Reason(storage.Value.RequireWorkRoot(), exception,
                "The run keeps its last complete checkpoint and is paused; resume it once space is freed and it goes on from there."));
        }
        catch (Exception exception)
        {
            outcome = TrainingOutcome.Failed($"the training failed on {WorkerKey}: {exception.GetType().Name}: {exception.Message}");
        }

        try
        {
            return await ReportOutcomeAsync(run, outcome);
        }
        catch (Exception exception)
        {
            LogReportFailed(logger, exception, assignment.RunKey);
            return false;
        }
    }

    /// <summary>Moves the run to where the outcome leaves it; true when it goes back to the queue.</summary>
    private async Task<bool> ReportOutcomeAsync(ITrainingRunGrain run, TrainingOutcome? outcome)
    {
        if (outcome is null)
            return false;
        if (outcome.Kind == TrainingOutcomeKind.Completed)
        {
            await run.CompleteAsync(outcome.Result ?? throw new InvalidOperationException("A completed training must report its result."));
            return false;
        }

        var state = (await run.PeekAsync())?.State;
        if (state is not (RunState.Preparing or RunState.Running))
            return false; // cancelled (or otherwise settled) meanwhile

        switch (outcome.Kind)
        {
            case TrainingOutcomeKind.Failed:
                await run.MoveAsync(RunState.Failed, outcome.Reason ?? "the training failed");
                return false;
            case TrainingOutcomeKind.Suspended when state == RunState.Running:
                await run.MoveAsync(RunState.Paused, outcome.Reason ?? "suspended");
                return false;
            case TrainingOutcomeKind.Suspended:
                await run.MoveAsync(RunState.Failed, outcome.Reason ?? "suspended before it started");
                return false;
            case TrainingOutcomeKind.Stopped when _stop == StopReason.Pause && state == RunState.Running:
                await run.MoveAsync(RunState.Paused, _lastEpoch >= 0 ? $"paused after epoch {_lastEpoch}" : "paused");
                return false;
            default:
                // Stopped without a pause or cancel: the silo is stopping. Back to the queue, to resume elsewhere.
                await run.MoveAsync(RunState.Queued, $"{WorkerKey} stopped; back in the queue to resume from its last checkpoint");
                return true;
        }
    }

    private TrainingAssignment BuildAssignment(WorkerAssignment assignment, CheckpointRecord? lastCheckpoint)
    {
        var (lab, project, runId) = GrainKeys.Parse(assignment.RunKey);
        var folder = Path.Combine(storage.Value.RequireWorkRoot(), RunWorkFolders.Relative(lab, project, runId));
        return new TrainingAssignment(assignment.RunKey, lab, project, runId, assignment.Request!, folder, assignment.Attempt, lastCheckpoint);
    }

    // Progress reports, brought onto this grain's scheduler by GrainContextProgressSink.

    async Task<RunDataset> ITrainingProgressSink.WaitForDatasetAsync(CancellationToken cancellationToken)
    {
        var current = Current ?? throw new InvalidOperationException($"Training slot {WorkerKey} has no run.");
        var run = GrainFactory.GetGrain<ITrainingRunGrain>(current.RunKey);
        var dataset = await run.ResolveDatasetAsync();
        var (lab, project, _) = GrainKeys.Parse(current.RunKey);
        var job = GrainFactory.GetGrain<IPreprocessingGrain>(GrainKeys.Plan(lab, project, current.Request!.PlanName));
        var request = new DatasetRequest(current.Request.PlanVersion, dataset.FingerprintId, dataset.DatasetKey);
        string? followed = null;
        while (true)
        {
            var preparation = await job.PrepareDatasetAsync(request, followed);
            switch (preparation.State)
            {
                case DatasetPreparationState.Ready:
                    await run.ReportPreparationAsync(null);
                    return dataset;
                case DatasetPreparationState.Failed:
                    throw new PlatformConflictException(preparation.Message);
            }

            followed = preparation.JobId ?? followed;
            await run.ReportPreparationAsync(new RunPreparation(preparation.Message, preparation.Done, preparation.Total));
            await Task.Delay(DatasetPoll, cancellationToken);
        }
    }

    Task<TaskKind> ITrainingProgressSink.GetProjectKindAsync()
    {
        var current = Current ?? throw new InvalidOperationException($"Training slot {WorkerKey} has no run.");
        var (lab, project, _) = GrainKeys.Parse(current.RunKey);
        return GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(lab, project)).GetKindAsync();
    }

    async Task ITrainingProgressSink.StartedAsync(int firstEpoch, int totalEpochs, string? warning)
    {
        if (_running || Current is null)
            return;
        _running = true;
        var run = GrainFactory.GetGrain<ITrainingRunGrain>(Current.RunKey);
        var start = firstEpoch > 0 ? $"training on {WorkerKey} from epoch {firstEpoch} (resumed from a checkpoint)" : $"training on {WorkerKey} from epoch 0";
        await ReportDurablyAsync("the start", () => run.MoveAsync(RunState.Running, warning is null ? start : $"{start}. Warning: {warning}"));
    }

    async Task ITrainingProgressSink.EpochCompletedAsync(EpochMetrics metrics, int totalEpochs)
    {
        if (Current is not { } current)
            return;
        if (!_running)
            await ((ITrainingProgressSink)this).StartedAsync(metrics.Epoch, totalEpochs);
        var run = GrainFactory.GetGrain<ITrainingRunGrain>(current.RunKey);
        await ReportDurablyAsync($"epoch {metrics.Epoch}", () => run.RecordEpochAsync(metrics));
        await ReportDurablyAsync($"epoch {metrics.Epoch} to the scheduler", () => GrainFactory.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler)
            .ReportProgressAsync(current.RunKey, metrics.Epoch, totalEpochs, metrics.Seconds));
    }

    async Task ITrainingProgressSink.CheckpointWrittenAsync(int epoch, string path)
    {
        if (Current is not { } current)
            return;
        var root = storage.Value.RequireWorkRoot();
        var checkpoint = new CheckpointRecord(epoch, Path.GetRelativePath(root, path), clock.GetUtcNow());
        await ReportDurablyAsync($"the checkpoint of epoch {epoch}", () => GrainFactory.GetGrain<ITrainingRunGrain>(current.RunKey).RecordCheckpointAsync(checkpoint));
        _lastEpoch = epoch;
    }

    async Task ITrainingProgressSink.IterationsAsync(RunIterations iterations)
    {
        if (Current is not { } current || !_running)
            return;
        try
        {
            await GrainFactory.GetGrain<ITrainingRunGrain>(current.RunKey).ReportIterationsAsync(iterations);
        }
        catch (Exception exception) when (exception is PlatformException or TimeoutException or OrleansException)
        {
            // Shown progress only: the run moved on (cancelled) or did not answer; the training goes on regardless.
            LogIterationsNotReported(logger, current.RunKey, exception.Message);
        }
    }

    CancellationToken ITrainingProgressSink.PauseRequested => _pause.Token;

    /// <summary>
    /// A report the run must not lose. While the database is down the training waits here (the executor awaits its
    /// report) and goes on once the report is stored (<see cref="OutageRetry"/>); the run grain's records are
    /// idempotent and it rereads its state after a failed write, so a retry never records twice. Past
    /// <see cref="DatabaseAvailabilityOptions.OutageTolerance"/> the error goes to the executor and the run fails with it.
    /// </summary>
    private async Task ReportDurablyAsync(string what, Func<Task> report)
    {
        var runKey = Current?.RunKey;
        var started = clock.GetUtcNow();
        var attempts = await OutageRetry.RunAsync(report, database.Value.OutageTolerance, clock,
            (delay, exception) => LogReportWaitsForDatabase(logger, runKey, what, delay, exception.Message));
        if (attempts > 1)
            LogReportStoredAfterOutage(logger, runKey, what, clock.GetUtcNow() - started, attempts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunKey}: {What} could not be stored, the database is unreachable ({Reason}); the training waits and retries in {Delay}")]
    private static partial void LogReportWaitsForDatabase(ILogger logger, string? runKey, string what, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunKey}: {What} stored after the database outage ({Waited}, {Attempts} attempts)")]
    private static partial void LogReportStoredAfterOutage(ILogger logger, string? runKey, string what, TimeSpan waited, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunKey} left the queue before it started on {Worker}")]
    private static partial void LogAbandoned(ILogger logger, Exception exception, string runKey, string worker);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Iteration progress of run {RunKey} not reported: {Reason}")]
    private static partial void LogIterationsNotReported(ILogger logger, string runKey, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report the end of run {RunKey}")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string runKey);
}
