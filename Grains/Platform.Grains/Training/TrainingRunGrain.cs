using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Datasources;
using Platform.Grains.Fingerprints;
using Platform.Grains.Plans;
using Platform.Grains.Preprocessing;
using Platform.Grains.Projects;
using Platform.Grains.Results;
using Platform.Grains.Storage;
using Platform.Grains.Tenancy;
using Platform.Plans.Tasks;
using Platform.Training.Plans;

namespace Platform.Grains.Training;

public sealed partial class TrainingRunGrain(
    [PersistentState("training-run", StorageNames.Platform)] IPersistentState<TrainingRunState> run,
    RunScoreStore scores,
    RunTargetStore targetResults,
    RunTargets targets,
    RunStartingPoints startingPoints,
    PlanVersionStore plans,
    PlanDataFolder data,
    DatasetFingerprints fingerprints,
    ProjectItemRecorder items,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<TrainingRunGrain> logger) : Grain, ITrainingRunGrain
{
    /// <summary>Recorded with every run so results can be traced to the code that produced them.</summary>
    public static string SoftwareVersion { get; } =
        typeof(TrainingRunGrain).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly Dictionary<IRunProgressObserver, DateTimeOffset> _subscribers = [];
    private RunPreparation? _preparation;
    private RunIterations? _iterations;

    private (string Lab, string Project, string RunId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    public Task SubscribeAsync(IRunProgressObserver observer)
    {
        RequireExists();
        ArgumentNullException.ThrowIfNull(observer);
        _subscribers[observer] = clock.GetUtcNow() + RunProgressSubscriptions.Lifetime;
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IRunProgressObserver observer)
    {
        _subscribers.Remove(observer);
        return Task.CompletedTask;
    }

    /// <summary>Tells the live subscribers; lapsed ones are dropped, and a failing one never fails the report.</summary>
    private void Notify(Action<IRunProgressObserver> tell)
    {
        var now = clock.GetUtcNow();
        foreach (var (observer, until) in _subscribers.ToList())
        {
            if (until < now)
            {
                _subscribers.Remove(observer);
                continue;
            }

            try
            {
                tell(observer);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _subscribers.Remove(observer);
            }
        }
    }

    public Task<RunSnapshot> CreateAsync(RunRequest request) => CreateCoreAsync(request, null);

    public Task<RunSnapshot> CreateForAsync(RunRequest request, string requestedBy) =>
        string.IsNullOrWhiteSpace(requestedBy)
            ? throw new PlatformValidationException("requestedBy", "A run created for someone names who asked for it.")
            : CreateCoreAsync(request, requestedBy);

    /// <summary><paramref name="requestedBy"/> is null for a user's own call (the verified caller is the author).</summary>
    private async Task<RunSnapshot> CreateCoreAsync(RunRequest request, string? requestedBy)
    {
        var (lab, project, runId) = Key;
        RunIds.Require(runId);
        if (run.State.Request is not null)
        {
            if (run.State.Request != request)
                throw new PlatformConflictException($"Run '{runId}' exists already with other settings.");
            // A repeated create heals a run whose first enqueue did not reach the scheduler (the scheduler ignores duplicates).
            if (run.State.State == RunState.Queued)
                await EnqueueAsync();
            return run.State.ToSnapshot(runId);
        }

        if (request.Fold is < 0)
            throw new PlatformValidationException("fold", "A fold is 0 or above (or none, to train on all cases).");
        // Refused now, naming the split's folds, rather than failing in training for want of cases.
        if (request.Fold is { } fold)
            await GrainFactory.GetGrain<ISplitGrain>(GrainKeys.Split(lab, project, request.Split)).RequireFoldAsync(fold);
        // The version must exist: a run always names exactly what it trains. Read from the store, because a call
        // made for someone else carries no credential the plan grain would accept.
        PlanNameRules.Require(request.PlanName);
        var plan = await plans.GetAsync(lab, project, request.PlanName, request.PlanVersion)
            ?? throw new PlatformNotFoundException($"Plan '{request.PlanName}' has no version {request.PlanVersion}.");
        var projectGrain = GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(lab, project));
        await projectGrain.RequireWritableAsync();
        // A classification or regression run names a datasource without a table now, not after its dataset is prepared.
        var kind = await projectGrain.GetKindAsync();
        if (kind.HasTargetTable())
            await targets.LoadAsync(lab, project, kind, await data.DatasourcesAsync(lab, project, plan.Settings));

        // A fine-tuning's starting point is named now, not after the run waited in the queue.
        if (request.StartFrom is { } start)
            startingPoints.Checkpoint(lab, start);

        var by = requestedBy ?? VerifiedCaller.Require().PrincipalId;
        run.State = new TrainingRunState
        {
            Request = request,
            State = RunState.Queued,
            SoftwareVersion = SoftwareVersion,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = by,
            History = [new RunTransition(RunState.Queued, RunState.Queued, clock.GetUtcNow(), by, "created")],
            // Recorded so the run says which seed it trains with; the executor derives the same from the same version.
            TrainingSeed = PlanInterpretation.Seed(plan.Settings, request.Seed, request.Fold),
            PlanEpochs = plan.Settings.Training.Epochs,
        };
        await run.WriteOrDeactivateAsync(this);
        await RecordItemAsync();
        LogCreated(logger, this.GetPrimaryKeyString(), request.PlanName, request.PlanVersion, request.Fold);
        await EnqueueAsync();
        return run.State.ToSnapshot(runId);
    }

    public Task<RunSnapshot?> PeekAsync() => GetAsync();

    public Task<IReadOnlyList<CaseScore>> GetScoresAsync()
    {
        RequireExists();
        return scores.ListAsync(Key.Lab, Key.Project, Key.RunId);
    }

    public async Task<RunTargetResults?> GetTargetResultsAsync()
    {
        RequireExists();
        return (await targetResults.GetAsync(Key.Lab, Key.Project, Key.RunId))?.ToResults();
    }

    public Task<CasePrediction?> GetPredictionAsync(string caseId)
    {
        CaseIds.Require(caseId);
        RequireExists();
        return RunPredictions.ReadAsync(storage.Value.RequireWorkRoot(), Key.Lab, Key.Project, Key.RunId, caseId);
    }

    public Task<RunSnapshot?> GetAsync() => Task.FromResult(run.State.Request is null ? null : run.State.ToSnapshot(Key.RunId, _preparation, _iterations));

    public async Task<DataDrift> GetDataDriftAsync()
    {
        RequireExists();
        var request = run.State.Request!;
        var recorded = run.State.Dataset is { } dataset
            ? dataset.FingerprintId
            : (await plans.GetAsync(Key.Lab, Key.Project, request.PlanName, request.PlanVersion))?.FingerprintId;
        return await fingerprints.DriftAsync(Key.Lab, Key.Project, recorded,
            run.State.Dataset is null ? "this run's plan version was configured" : "this run's data was fingerprinted");
    }

    public async Task<RunDataset> ResolveDatasetAsync()
    {
        RequireExists();
        if (run.State.Dataset is { } recorded)
            return recorded;
        var request = run.State.Request!;
        var version = await plans.GetAsync(Key.Lab, Key.Project, request.PlanName, request.PlanVersion)
            ?? throw new PlatformNotFoundException($"Plan '{request.PlanName}' version {request.PlanVersion} is no longer stored.");
        var resolved = await data.ForVersionAsync(Key.Lab, Key.Project, version);
        var dataset = new RunDataset(resolved.FingerprintId, resolved.Dataset.Key, resolved.Dataset.RelativeFolder);
        run.State = run.State with { Dataset = dataset };
        await run.WriteOrDeactivateAsync(this);
        return dataset;
    }

    public Task ReportPreparationAsync(RunPreparation? preparation)
    {
        RequireExists();
        _preparation = preparation;
        return Task.CompletedTask;
    }

    public async Task<RunSnapshot> PauseAsync()
    {
        RequireExists();
        RunStateMachine.RequireMove(Key.RunId, run.State.State, RunState.Paused);
        // The worker finishes the epoch, writes a checkpoint and then moves the run to Paused, so the pause loses no
        // work. Stored, so a page opened meanwhile shows the pause pending.
        if (run.State.PauseRequestedAt is null)
        {
            run.State = run.State with { PauseRequestedAt = clock.GetUtcNow() };
            await run.WriteOrDeactivateAsync(this);
        }

        await Scheduler.StopAsync(this.GetPrimaryKeyString(), StopReason.Pause);
        return run.State.ToSnapshot(Key.RunId, _preparation, _iterations);
    }

    public Task ReportIterationsAsync(RunIterations iterations)
    {
        RequireExists();
        ArgumentNullException.ThrowIfNull(iterations);
        if (run.State.State != RunState.Running)
            throw new PlatformConflictException($"Run '{Key.RunId}' is {run.State.State}; iterations are reported only while it runs.");
        _iterations = iterations;
        Notify(o => o.IterationsReported(this.GetPrimaryKeyString(), iterations));
        return Task.CompletedTask;
    }

    public async Task<RunSnapshot> ResumeAsync()
    {
        RequireExists();
        if (run.State.State != RunState.Paused)
            throw new PlatformConflictException($"Run '{Key.RunId}' is {run.State.State}; only a paused run can be resumed.");
        var snapshot = await MoveAsync(RunState.Queued, "resumed");
        await EnqueueAsync();
        return snapshot;
    }

    public async Task<RunSnapshot> CancelAsync(string? reason)
    {
        var snapshot = await MoveAsync(RunState.Cancelled, string.IsNullOrWhiteSpace(reason) ? "cancelled" : reason.Trim());
        await Scheduler.StopAsync(this.GetPrimaryKeyString(), StopReason.Cancel);
        return snapshot;
    }

    public async Task RecordCheckpointAsync(CheckpointRecord checkpoint)
    {
        RequireExists();
        if (run.State.State != RunState.Running)
            throw new PlatformConflictException($"Run '{Key.RunId}' is {run.State.State}; checkpoints are recorded only while it runs.");
        run.State = run.State with { LastCheckpoint = checkpoint };
        await run.WriteOrDeactivateAsync(this);
    }

    public async Task<RunSnapshot> CompleteAsync(RunResultSummary result)
    {
        RequireExists();
        // Reported once per completion; a repeat (a worker retrying its report) must not record a second result.
        if (run.State.State == RunState.Completed)
            return run.State.ToSnapshot(Key.RunId);
        RunStateMachine.RequireMove(Key.RunId, run.State.State, RunState.Completed);
        var transition = new RunTransition(run.State.State, RunState.Completed, clock.GetUtcNow(), "platform", result.Summary);
        run.State = run.State with { State = RunState.Completed, Result = result, History = [.. run.State.History, transition], PauseRequestedAt = null };
        _iterations = null;
        await run.WriteOrDeactivateAsync(this);
        await RecordItemAsync();
        Notify(o => o.StateChanged(this.GetPrimaryKeyString(), RunState.Completed, result.Summary));
        LogMoved(logger, this.GetPrimaryKeyString(), transition.From, RunState.Completed, result.Summary);
        return run.State.ToSnapshot(Key.RunId);
    }

    private ITrainingSchedulerGrain Scheduler => GrainFactory.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler);

    private Task EnqueueAsync() =>
        Scheduler.EnqueueAsync(new QueuedRun(this.GetPrimaryKeyString(), run.State.Request!, clock.GetUtcNow()));

    public async Task<RunSnapshot> MoveAsync(RunState to, string? reason)
    {
        RequireExists();
        var from = run.State.State;
        RunStateMachine.RequireMove(Key.RunId, from, to);
        var transition = new RunTransition(from, to, clock.GetUtcNow(), VerifiedCaller.Current?.PrincipalId ?? "platform", reason);
        // Only a running run can be asked to pause, so any move ends a pending pause (paused, or stopped some other way).
        run.State = run.State with { State = to, History = [.. run.State.History, transition], PauseRequestedAt = null };
        _preparation = null;
        _iterations = null;
        await run.WriteOrDeactivateAsync(this);
        await RecordItemAsync();
        Notify(o => o.StateChanged(this.GetPrimaryKeyString(), to, reason));
        LogMoved(logger, this.GetPrimaryKeyString(), from, to, reason);
        return run.State.ToSnapshot(Key.RunId);
    }

    public async Task RecordEpochAsync(EpochMetrics metrics)
    {
        RequireExists();
        if (run.State.State != RunState.Running)
            throw new PlatformConflictException($"Run '{Key.RunId}' is {run.State.State}; epochs are recorded only while it runs.");
        // A run resumed from a checkpoint repeats the epochs after it: the newer figures replace the older.
        var kept = run.State.Metrics.Where(m => m.Epoch < metrics.Epoch).ToList();
        run.State = run.State with { Metrics = [.. kept, metrics] };
        await run.WriteOrDeactivateAsync(this);
        await EnsurePlanEpochsAsync();
        await items.RecordProgressAsync(this, Key.Lab, Key.Project, Item);
        Notify(o => o.EpochRecorded(this.GetPrimaryKeyString(), metrics));
    }

    public async Task IndexAsync()
    {
        if (run.State.Request is not null)
            await RecordItemAsync();
    }

    private async Task RecordItemAsync()
    {
        await EnsurePlanEpochsAsync();
        await items.RecordAsync(this, Key.Lab, Key.Project, Item);
    }

    /// <summary>The list row as the state is now; null before creation.</summary>
    private ProjectItem? Item() =>
        run.State.Request is null ? null : RunItem.From(Key.RunId, run.State, run.State.PlanEpochs ?? _planEpochs);

    private int? _planEpochs;

    /// <summary>Runs stored before the plan's epochs were kept read them once per activation (the list shows the total).</summary>
    private async Task EnsurePlanEpochsAsync()
    {
        if (run.State.PlanEpochs is null && _planEpochs is null && run.State.Request is { } request)
            _planEpochs = (await plans.GetAsync(Key.Lab, Key.Project, request.PlanName, request.PlanVersion))?.Settings.Training.Epochs;
    }

    private void RequireExists()
    {
        if (run.State.Request is null)
            throw new PlatformNotFoundException($"Run '{Key.RunId}' does not exist.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunKey} created for plan {Plan} v{Version}, fold {Fold}")]
    private static partial void LogCreated(ILogger logger, string runKey, string plan, int version, int? fold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunKey}: {From} -> {To} ({Reason})")]
    private static partial void LogMoved(ILogger logger, string runKey, RunState from, RunState to, string? reason);
}
