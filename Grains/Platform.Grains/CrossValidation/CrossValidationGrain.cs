using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Datasources;
using Platform.Grains.Plans;
using Platform.Grains.Preprocessing;
using Platform.Grains.Projects;
using Platform.Grains.Results;
using Platform.Grains.Storage;
using Platform.Grains.Tenancy;
using Platform.Grains.Training;

namespace Platform.Grains.CrossValidation;

/// <summary>
/// One request trains every fold of a split and evaluates them together. The runs are ordinary training runs
/// (queued, placed, paused like any other); this grain only follows them with a timer, reading them through the
/// grain-to-grain <see cref="ITrainingRunGrain.PeekAsync"/> because a timer carries no user credential. A
/// reminder re-activates it after a lost silo, so following (or an interrupted evaluation) goes on without a caller.
/// The evaluation runs on the thread pool; its result is written back on the grain.
/// </summary>
public sealed partial class CrossValidationGrain(
    [PersistentState("crossvalidation", StorageNames.Platform)] IPersistentState<CrossValidationRecord> cv,
    PlanVersionStore plans,
    RunScoreStore scores,
    PlanDataFolder dataFolder,
    ProjectItemRecorder items,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<CrossValidationGrain> logger) : Grain, ICrossValidationGrain, IRemindable
{
    private const string WatchdogReminder = "crossvalidation-watchdog";

    /// <summary>How often the folds' runs are read; short because a tiny run finishes in seconds, cheap because a read is one call per unfinished fold.</summary>
    private static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(1);

    private IGrainTimer? _follow;
    private Task? _evaluation;
    private CancellationTokenSource? _stopEvaluation;

    private (string Lab, string Project, string Name) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Resume();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Leaving the silo is not a cancel: the state stays Evaluating and the reminder starts the evaluation again.
        if (_evaluation is { } evaluation)
        {
            await (_stopEvaluation?.CancelAsync() ?? Task.CompletedTask);
            await evaluation.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

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

        await GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(Key.Lab, Key.Project)).RequireWritableAsync();
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
            StartedAt = now,
            StartedBy = VerifiedCaller.Require().PrincipalId,
        };
        await cv.WriteStateAsync();
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
            await FinishAsync(CrossValidationState.Cancelled, "Cancelled by " + VerifiedCaller.Require().PrincipalId);
            await (_stopEvaluation?.CancelAsync() ?? Task.CompletedTask);
            await CancelRunsAsync("cross-validation cancelled");
        }

        return Snapshot();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Resume();

    /// <summary>Starts following (or evaluating) after a start, an activation or a reminder, unless already doing so.</summary>
    private Task Resume()
    {
        switch (cv.State.State)
        {
            case CrossValidationState.Training when cv.State.Request is not null && _follow is null:
                _follow = this.RegisterGrainTimer(FollowAsync, new GrainTimerCreationOptions(TimeSpan.Zero, FollowInterval) { KeepAlive = true });
                return this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            case CrossValidationState.Evaluating when _evaluation is null:
                StartEvaluation();
                return this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            default:
                return Task.CompletedTask;
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
            cv.State = cv.State with { State = CrossValidationState.Evaluating };
            StopFollowing();
            // Stored before the evaluation starts, so its own final write cannot race this one.
            await cv.WriteStateAsync();
            await RecordItemAsync();
            StartEvaluation();
            return;
        }

        // A tick that saw nothing new writes nothing: the timer runs every second for hours of training.
        if (!changed)
            return;
        await cv.WriteStateAsync();
        if (foldStatesChanged)
            await RecordItemAsync();
        else
            await items.RecordProgressAsync(this, Key.Lab, Key.Project, Item);
    }

    private void StartEvaluation()
    {
        _stopEvaluation = new CancellationTokenSource();
        _evaluation = EvaluateAsync(_stopEvaluation.Token);
    }

    private async Task EvaluateAsync(CancellationToken stop)
    {
        try
        {
            var inputs = await InputsAsync();
            var result = await Task.Run(() => CrossValidationEvaluator.Run(inputs, stop), stop);
            if (cv.State.State != CrossValidationState.Evaluating)
                return;
            cv.State = cv.State with { Result = result };
            await FinishAsync(CrossValidationState.Completed, null);
            LogCompleted(logger, this.GetPrimaryKeyString(), result.ValidationCases, result.TestScores.Select(s => s.CaseId).Distinct().Count());
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Cancelled by a person (state already says so) or the silo is leaving (the reminder starts it again).
        }
        catch (Exception e)
        {
            LogFailed(logger, e, this.GetPrimaryKeyString());
            if (cv.State.State == CrossValidationState.Evaluating)
                await FinishAsync(CrossValidationState.Failed, $"Evaluating the folds failed: {e.Message}");
        }
        finally
        {
            _evaluation = null;
        }
    }

    /// <summary>Reads what the evaluation needs from the stores (on the grain: the thread-pool part does no I/O to PostgreSQL).</summary>
    private async Task<CrossValidationInputs> InputsAsync()
    {
        var request = cv.State.Request!;
        var workRoot = storage.Value.RequireWorkRoot();
        var plan = await plans.GetAsync(Key.Lab, Key.Project, request.PlanName, request.PlanVersion)
            ?? throw new InvalidOperationException($"Plan '{request.PlanName}' version {request.PlanVersion} is no longer stored.");
        if (plan.Settings.Preprocessing.RemappingTrain is not null)
            throw new InvalidOperationException("Plans that remap labels for training are not cross-validated yet: the native references would need the same remapping.");
        var folds = new List<CompletedFold>();
        foreach (var fold in cv.State.Folds)
        {
            var checkpoint = fold.FinalCheckpoint ?? throw new InvalidOperationException($"Fold {fold.Fold} (run {fold.RunId}) completed without a final checkpoint.");
            var workFolder = Path.Combine(workRoot, RunWorkFolders.Relative(Key.Lab, Key.Project, fold.RunId));
            folds.Add(new CompletedFold(fold.Fold, fold.RunId, workFolder, Path.IsPathRooted(checkpoint) ? checkpoint : Path.Combine(workRoot, checkpoint),
                await scores.ListAsync(Key.Lab, Key.Project, fold.RunId)));
        }

        var relative = CrossValidationFolders.Relative(Key.Lab, Key.Project, Key.Name);
        var (recorded, data) = await FoldsDatasetAsync(request.PlanName, plan);
        return new CrossValidationInputs(folds, data.Dataset, PreprocessingDatasets.Absolute(workRoot, recorded.Folder), cv.State.TestCases,
            Path.Combine(workRoot, relative), relative)
        {
            Project = Key.Project,
            Request = request,
            Plan = plan.Settings,
        };
    }

    /// <summary>
    /// The dataset every fold trained on, as their runs recorded it: a rescan since then changes neither the folder
    /// read nor the scores. Folds of runs older than that record fall back to their plan version's recorded data.
    /// </summary>
    private async Task<(RunDataset Recorded, PlanDataFolder.Resolved Data)> FoldsDatasetAsync(string planName, PlanSnapshot plan)
    {
        var recorded = cv.State.Folds.Select(f => f.Dataset).OfType<RunDataset>().Distinct().ToList();
        if (recorded.Count > 1)
            throw new InvalidOperationException($"The folds trained on different datasets ({string.Join(", ", recorded.Select(d => d.DatasetKey))}): they cannot be evaluated together.");
        if (recorded.Count == 0)
        {
            var current = await dataFolder.ForVersionAsync(Key.Lab, Key.Project, plan);
            return (new RunDataset(current.FingerprintId, current.Dataset.Key, current.Dataset.RelativeFolder), current);
        }

        // The frozen statistics the folds' data was made with: the ensemble's package records them.
        var data = await dataFolder.ForFingerprintAsync(Key.Lab, Key.Project, planName, plan.Settings, recorded[0].FingerprintId);
        if (data.Dataset.Key != recorded[0].DatasetKey)
            throw new InvalidOperationException($"The folds' dataset {recorded[0].DatasetKey} is not what their plan and fingerprint give ({data.Dataset.Key}).");
        return (recorded[0], data);
    }

    private async Task FinishAsync(CrossValidationState state, string? error)
    {
        cv.State = cv.State with { State = state, Error = error, FinishedAt = clock.GetUtcNow() };
        await cv.WriteStateAsync();
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Cross-validation {Key} failed while evaluating")]
    private static partial void LogFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cross-validation could not cancel run {RunKey}: {Reason}")]
    private static partial void LogCancelRefused(ILogger logger, string runKey, string reason);
}
