using System.Globalization;
using Microsoft.Extensions.Logging;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Projects;
using Platform.Grains.Storage;
using Platform.Grains.Tenancy;

namespace Platform.Grains.CrossValidation;

/// <summary>
/// One request trains every fold of a split and evaluates them together. The runs are ordinary training runs
/// (queued, placed, paused like any other); this grain only follows them with a timer, reading them through the
/// grain-to-grain <see cref="ITrainingRunGrain.PeekAsync"/> because a timer carries no user credential. The
/// evaluation is scheduled work: the training scheduler places it on a training slot
/// (<see cref="IEvaluationWorkerGrain"/>), which tells this grain the result. A reminder re-activates it after a lost
/// silo and hands the evaluation to the scheduler again should it be missing there.
/// </summary>
public sealed partial class CrossValidationGrain(
    [PersistentState("crossvalidation", StorageNames.Platform)] IPersistentState<CrossValidationRecord> cv,
    ProjectItemRecorder items,
    TimeProvider clock,
    ILogger<CrossValidationGrain> logger) : Grain, ICrossValidationGrain, IRemindable
{
    private const string WatchdogReminder = "crossvalidation-watchdog";

    /// <summary>How often the folds' runs are read; short because a tiny run finishes in seconds, cheap because a read is one call per unfinished fold.</summary>
    private static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(1);

    private IGrainTimer? _follow;

    private (string Lab, string Project, string Name) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // From a one-off timer: an activation (a progress read) must not wait on the scheduler, which may be moving off a lost silo.
        this.RegisterGrainTimer(_ => Resume(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    private ITrainingSchedulerGrain Scheduler => GrainFactory.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler);

    public async Task<CrossValidationSnapshot> StartAsync(CrossValidationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (cv.State.Request is { } existing)
            return existing == request
                ? Snapshot()
                : throw new PlatformConflictException($"Cross-validation '{Key.Name}' was already started for plan '{existing.PlanName}' v{existing.PlanVersion} on split '{existing.SplitName}'; use a new name.");

        var plan = await GrainFactory.GetGrain<IPlanGrain>(GrainKeys.Plan(Key.Lab, Key.Project, request.PlanName)).GetVersionAsync(request.PlanVersion);
        var split = GrainFactory.GetGrain<ISplitGrain>(GrainKeys.Split(Key.Lab, Key.Project, request.SplitName));
        var summary = await split.GetAsync()
            ?? throw new PlatformNotFoundException($"Split '{request.SplitName}' of project '{Key.Project}' has not been generated yet.");
        if (summary.Folds.Count < 2)
            throw new PlatformValidationException("splitName", $"Split '{request.SplitName}' has {summary.Folds.Count} fold(s); cross-validation needs at least two.");
        var testCases = await split.GetTestCasesAsync();

        var project = GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(Key.Lab, Key.Project));
        await project.RequireWritableAsync();
        var kind = await project.GetKindAsync();
        var now = clock.GetUtcNow();
        var folds = summary.Folds.Select(f => f.Fold).Order().Select(fold =>
        {
            var runId = RunIds.New(request.PlanName, fold, now);
            return new FoldRunRecord(fold, runId, GrainKeys.Run(Key.Lab, Key.Project, runId)) { State = RunState.Queued };
        }).ToList();
        // Stored before the runs exist, so a failure half-way leaves the created runs known (and cancellable).
        cv.State = new CrossValidationRecord
        {
            Request = request,
            State = CrossValidationState.Training,
            Folds = folds,
            TestCases = [.. testCases],
            TotalEpochs = plan.Settings.Training.Epochs,
            Kind = kind,
            StartedAt = now,
            StartedBy = VerifiedCaller.Require().PrincipalId,
        };
        await cv.WriteOrDeactivateAsync(this);
        await RecordItemAsync();
        try
        {
            foreach (var fold in folds)
                await GrainFactory.GetGrain<ITrainingRunGrain>(fold.RunKey).CreateAsync(new RunRequest(request.PlanName, request.PlanVersion, fold.Fold, request.Seed, request.SplitName, request.Priority));
        }
        catch (Exception e)
        {
            await FinishAsync(CrossValidationState.Failed, $"Creating the folds' runs failed: {e.Message}");
            await CancelRunsAsync("cross-validation could not create all its runs");
            throw;
        }

        await Resume();
        return Snapshot();
    }

    public Task<CrossValidationSnapshot?> GetAsync() => Task.FromResult(cv.State.Request is null ? null : Snapshot());

    public async Task<CrossValidationSnapshot> CancelAsync()
    {
        if (cv.State.Request is null)
            throw new PlatformNotFoundException($"Cross-validation '{Key.Name}' was never started.");
        if (cv.State.State is CrossValidationState.Training or CrossValidationState.Evaluating)
        {
            var evaluation = cv.State.State == CrossValidationState.Evaluating ? cv.State.EvaluationJobId : null;
            await FinishAsync(CrossValidationState.Cancelled, "Cancelled by " + VerifiedCaller.Require().PrincipalId);
            // The worker stops and reports; the state already says cancelled, so its word changes nothing.
            if (evaluation is not null)
                await Scheduler.CancelJobAsync(this.GetPrimaryKeyString(), evaluation);
            await CancelRunsAsync("cross-validation cancelled");
        }

        return Snapshot();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Resume();

    /// <summary>Starts following, or hands the evaluation to the scheduler (idempotent), after a start, an activation or a reminder.</summary>
    private async Task Resume()
    {
        switch (cv.State.State)
        {
            case CrossValidationState.Training when cv.State.Request is not null && _follow is null:
                _follow = this.RegisterGrainTimer(FollowAsync, new GrainTimerCreationOptions(TimeSpan.Zero, FollowInterval) { KeepAlive = true });
                await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
                break;
            case CrossValidationState.Evaluating:
                await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
                await QueueEvaluationAsync();
                break;
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        if (cv.State.State != CrossValidationState.Training)
            return;
        var folds = new List<FoldRunRecord>(cv.State.Folds.Count);
        foreach (var fold in cv.State.Folds)
        {
            if (RunStateMachine.IsFinal(fold.State))
            {
                folds.Add(fold);
                continue;
            }

            var run = await GrainFactory.GetGrain<ITrainingRunGrain>(fold.RunKey).PeekAsync();
            folds.Add(run is null ? fold : fold with
            {
                State = run.State,
                EpochsDone = run.Metrics.Count,
                Reason = run.History.Count > 0 ? run.History[^1].Reason : null,
                FinalCheckpoint = run.Result?.FinalCheckpoint,
                Dataset = run.Dataset,
            });
        }

        var changed = !folds.SequenceEqual(cv.State.Folds);
        var foldStatesChanged = !folds.Select(f => f.State).SequenceEqual(cv.State.Folds.Select(f => f.State));
        cv.State = cv.State with { Folds = folds };
        if (folds.FirstOrDefault(f => f.State is RunState.Failed or RunState.Cancelled) is { } lost)
        {
            await FinishAsync(CrossValidationState.Failed, string.Create(CultureInfo.InvariantCulture,
                $"Fold {lost.Fold} (run {lost.RunId}) {(lost.State == RunState.Failed ? "failed" : "was cancelled")}: {lost.Reason ?? "no reason given"}"));
            await CancelRunsAsync($"fold {lost.Fold} of the cross-validation did not complete");
            return;
        }

        if (folds.All(f => f.State == RunState.Completed))
        {
            cv.State = cv.State with { State = CrossValidationState.Evaluating, EvaluationJobId = Guid.NewGuid().ToString("N") };
            StopFollowing();
            // Stored before the scheduler hears of it: a placed evaluation always finds its job here.
            await cv.WriteOrDeactivateAsync(this);
            await RecordItemAsync();
            await QueueEvaluationAsync();
            return;
        }

        // A tick that saw nothing new writes nothing: the timer runs every second for hours of training.
        if (!changed)
            return;
        await cv.WriteOrDeactivateAsync(this);
        if (foldStatesChanged)
            await RecordItemAsync();
        else
            await items.RecordProgressAsync(this, Key.Lab, Key.Project, Item);
    }

    private async Task QueueEvaluationAsync()
    {
        if (cv.State.EvaluationJobId is not { } jobId)
        {
            // Evaluating since before evaluations were scheduled work: give it a job now.
            cv.State = cv.State with { EvaluationJobId = jobId = Guid.NewGuid().ToString("N") };
            await cv.WriteOrDeactivateAsync(this);
        }

        await Scheduler.EnqueueJobAsync(new QueuedJob(this.GetPrimaryKeyString(), WorkKind.Evaluation, jobId, cv.State.StartedAt, cv.State.Request!.Priority));
    }

    public Task<EvaluationJob?> GetEvaluationJobAsync(string jobId)
    {
        var s = cv.State;
        if (s.State != CrossValidationState.Evaluating || s.EvaluationJobId != jobId)
            return Task.FromResult<EvaluationJob?>(null);
        var folds = s.Folds.Select(f => new EvaluationFold(f.Fold, f.RunId,
            f.FinalCheckpoint ?? throw new InvalidOperationException($"Fold {f.Fold} (run {f.RunId}) completed without a final checkpoint."), f.Dataset)).ToList();
        return Task.FromResult<EvaluationJob?>(new EvaluationJob(jobId, s.Request!, folds, s.TestCases, s.Kind));
    }

    public async Task FinishEvaluationAsync(string jobId, EvaluationOutcome outcome)
    {
        // A late word from another job, or about an evaluation already settled (cancelled), changes nothing.
        if (cv.State.State != CrossValidationState.Evaluating || cv.State.EvaluationJobId != jobId)
            return;
        if (outcome.Result is { } result)
        {
            cv.State = cv.State with { Result = result };
            await FinishAsync(CrossValidationState.Completed, null);
            LogCompleted(logger, this.GetPrimaryKeyString(), result.ValidationCases, result.TestScores.Select(s => s.CaseId).Distinct().Count());
        }
        else if (outcome.Cancelled)
        {
            await FinishAsync(CrossValidationState.Cancelled, "The evaluation was stopped.");
        }
        else
        {
            LogFailed(logger, this.GetPrimaryKeyString(), outcome.Error);
            await FinishAsync(CrossValidationState.Failed, outcome.Error ?? "The evaluation failed.");
        }
    }

    private async Task FinishAsync(CrossValidationState state, string? error)
    {
        cv.State = cv.State with { State = state, Error = error, FinishedAt = clock.GetUtcNow() };
        await cv.WriteOrDeactivateAsync(this);
        await RecordItemAsync();
        StopFollowing();
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private void StopFollowing()
    {
        _follow?.Dispose();
        _follow = null;
    }

    /// <summary>Cancels the runs that have not finished (best effort: one refusal does not stop the others).</summary>
    private async Task CancelRunsAsync(string reason)
    {
        foreach (var fold in cv.State.Folds.Where(f => !RunStateMachine.IsFinal(f.State)))
        {
            try
            {
                var run = GrainFactory.GetGrain<ITrainingRunGrain>(fold.RunKey);
                if (await run.PeekAsync() is { } snapshot && !RunStateMachine.IsFinal(snapshot.State))
                {
                    // What ITrainingRunGrain.CancelAsync does, through the grain-to-grain methods: this also runs from the timer, without a user.
                    await run.MoveAsync(RunState.Cancelled, reason);
                    await GrainFactory.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler).StopAsync(fold.RunKey, StopReason.Cancel);
                }
            }
            catch (PlatformException e)
            {
                LogCancelRefused(logger, fold.RunKey, e.Message);
            }
        }
    }

    public Task IndexAsync() => RecordItemAsync();

    private Task RecordItemAsync() => items.RecordAsync(this, Key.Lab, Key.Project, Item);

    /// <summary>The list row as the record is now; null before the start.</summary>
    private ProjectItem? Item() => cv.State.Request is null ? null : CrossValidationItem.From(Key.Name, cv.State);

    private CrossValidationSnapshot Snapshot()
    {
        var s = cv.State;
        var folds = s.Folds.Select(f => new FoldProgress(f.Fold, f.RunKey, f.State, f.EpochsDone, s.TotalEpochs, f.Reason)).ToList();
        return new CrossValidationSnapshot(Key.Name, s.Request!, s.State, folds, Fraction(s, folds), s.TestCases, s.Result, s.Error, s.StartedAt, s.FinishedAt);
    }

    /// <summary>Training counts for 90 % of the way (each fold by its epochs), the evaluation for the rest.</summary>
    private static double Fraction(CrossValidationRecord record, IReadOnlyList<FoldProgress> folds)
    {
        if (record.State == CrossValidationState.Completed)
            return 1;
        if (record.State == CrossValidationState.Evaluating)
            return 0.9;
        var training = folds.Count == 0 ? 0 : folds.Average(f => f.State == RunState.Completed ? 1
            : record.TotalEpochs <= 0 ? 0 : Math.Min(1, (double)f.EpochsDone / record.TotalEpochs));
        return 0.9 * training;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cross-validation {Key} completed: {ValidationCases} validation cases, {TestCases} test cases scored")]
    private static partial void LogCompleted(ILogger logger, string key, int validationCases, int testCases);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cross-validation {Key} failed while evaluating: {Error}")]
    private static partial void LogFailed(ILogger logger, string key, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cross-validation could not cancel run {RunKey}: {Reason}")]
    private static partial void LogCancelRefused(ILogger logger, string runKey, string reason);
}
