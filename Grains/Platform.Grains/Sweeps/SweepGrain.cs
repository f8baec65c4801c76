using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Sweeps;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Projects;
using Platform.Grains.Storage;
using Platform.Grains.Tenancy;
using Platform.Plans;

namespace Platform.Grains.Sweeps;

/// <summary>
/// Runs an ASHA sweep. The start call (which carries the scientist's credential) samples and saves every trial's
/// plan; from then on a grain timer reads the trials' runs, judges them at each rung, stops the losers, launches
/// pending trials as slots free, and finishes the sweep. Those ticks carry no credential, so they use only
/// grain-to-grain run methods. A reminder re-activates the sweep after a lost silo so it keeps following.
/// </summary>
public sealed partial class SweepGrain(
    [PersistentState("sweep", StorageNames.Platform)] IPersistentState<SweepRecord> sweep,
    IOptions<SweepOptions> options,
    ProjectItemRecorder items,
    TimeProvider clock,
    ILogger<SweepGrain> logger) : Grain, ISweepGrain, IRemindable
{
    private const string WatchdogReminder = "sweep-watchdog";
    private const int MaxTrials = 200;

    private IGrainTimer? _timer;
    private string? _written;

    private (string Lab, string Project, string Name) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (sweep.State.Request is not null && sweep.State.State == SweepState.Running)
            StartTimer();
        return Task.CompletedTask;
    }

    public async Task<SweepSnapshot> StartAsync(SweepRequest request)
    {
        if (sweep.State.Request is not null)
            throw new PlatformConflictException($"Sweep '{Key.Name}' was started already ({sweep.State.State}); choose another name for a new sweep.");
        Validate(request);
        // Every trial trains this fold: refused now, naming the split's folds, not when the first trial starts.
        if (request.Fold is { } fold)
            await GrainFactory.GetGrain<ISplitGrain>(GrainKeys.Split(Key.Lab, Key.Project, request.SplitName ?? RunRequest.DefaultSplit)).RequireFoldAsync(fold);

        var basePlan = await Plan(request.BasePlan).GetVersionAsync(request.BasePlanVersion);
        var rungs = Asha.RungEpochs(request.Asha.GracePeriodEpochs, request.Asha.ReductionFactor, basePlan.Settings.Training.Epochs);

        // Sample and check every trial before saving any plan, so a bad search space leaves nothing behind.
        var trials = new List<(TrialRecord Trial, PlanSettings Settings)>();
        for (var n = 1; n <= request.Trials; n++)
        {
            var name = TrialPlanName(n);
            var values = SweepSampler.Sample(request.Parameters, request.Seed, n);
            var settings = PlanOverrides.Apply(basePlan.Settings, values, $"Trial {n}");
            trials.Add((new TrialRecord { Number = n, Parameters = new Dictionary<string, string>(values), PlanName = name }, settings));
        }

        await GrainFactory.GetGrain<IProjectGrain>(GrainKeys.Project(Key.Lab, Key.Project)).RequireWritableAsync();
        foreach (var (trial, settings) in trials)
        {
            var plan = Plan(trial.PlanName);
            var latest = await plan.GetAsync();
            var saved = await plan.ReviseAsync(settings, latest?.Version ?? 0, $"sweep {Key.Name}, trial {trial.Number}");
            if (saved.Outcome != PlanRevisionOutcome.Saved)
                throw new PlatformConflictException($"Sweep '{Key.Name}': trial {trial.Number}'s plan '{trial.PlanName}' could not be saved ({saved.Outcome}: {string.Join("; ", saved.Errors.Select(e => $"{e.Field}: {e.Message}"))}).");
            trial.PlanVersion = saved.Current!.Version;
        }

        sweep.State = new SweepRecord
        {
            Request = request,
            State = SweepState.Running,
            RungEpochs = [.. rungs],
            RungMetrics = [.. rungs.Select(_ => new List<double>())],
            Trials = [.. trials.Select(t => t.Trial)],
            StartedAt = clock.GetUtcNow(),
            StartedBy = VerifiedCaller.Require().PrincipalId,
        };
        await sweep.WriteOrDeactivateAsync(this);
        LogStarted(logger, this.GetPrimaryKeyString(), request.Trials, string.Join(",", rungs));
        await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await LaunchAsync();
        await sweep.WriteOrDeactivateAsync(this);
        await RecordItemAsync();
        StartTimer();
        return Snapshot();
    }

    public Task<SweepSnapshot?> GetAsync() => Task.FromResult(sweep.State.Request is null ? null : Snapshot());

    public async Task<SweepSnapshot> CancelAsync()
    {
        if (sweep.State.Request is null)
            throw new PlatformNotFoundException($"Sweep '{Key.Name}' does not exist.");
        if (sweep.State.State != SweepState.Running)
            return Snapshot();
        foreach (var trial in sweep.State.Trials.Where(t => !t.IsFinished))
        {
            if (trial.RunId is { } runId)
            {
                try
                {
                    await Run(runId).CancelAsync($"sweep {Key.Name} cancelled");
                }
                catch (PlatformConflictException)
                {
                    // The run finished meanwhile; the row below still records the cancel of the sweep.
                }
            }

            trial.State = TrialState.Cancelled;
            trial.StoppedReason = trial.RunId is null ? "sweep cancelled before the trial started" : "sweep cancelled";
        }

        await FinishAsync(SweepState.Cancelled);
        return Snapshot();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // The activation is what follows the trials; the reminder only makes sure there is one after a lost silo.
        if (sweep.State.Request is not null && sweep.State.State == SweepState.Running)
            StartTimer();
        return Task.CompletedTask;
    }

    private void StartTimer()
    {
        var every = options.Value.PollInterval;
        _timer ??= this.RegisterGrainTimer(FollowAsync, new GrainTimerCreationOptions(every, every) { KeepAlive = true });
    }

    /// <summary>One tick: read every active run, judge it at the rungs it has passed, launch into free slots, finish when all are done.</summary>
    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        if (sweep.State.State != SweepState.Running)
            return;
        try
        {
            foreach (var trial in sweep.State.Trials.Where(t => t.State == TrialState.Running))
                await FollowTrialAsync(trial);
            await LaunchAsync();
            if (sweep.State.Trials.All(t => t.IsFinished))
                await FinishAsync(SweepState.Completed);
            else
                await WriteIfChangedAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed tick (a database hiccup, a busy grain) is retried by the next one.
            LogTickFailed(logger, e, this.GetPrimaryKeyString());
        }
    }

    private async Task FollowTrialAsync(TrialRecord trial)
    {
        var request = sweep.State.Request!;
        var run = await Run(trial.RunId!).PeekAsync();
        if (run is null)
        {
            // The run was named but its creation did not happen (a lost silo in between): create it now.
            await CreateRunAsync(trial);
            return;
        }

        var series = Asha.PseudoDiceEma(run.Metrics);
        trial.EpochsReached = series.Count;
        trial.LastMetric = series.Count > 0 ? Finite(series[^1]) : null;
        trial.BestMetric = series.Where(double.IsFinite).Select(v => (double?)v).Max();

        while (trial.RungsJudged < sweep.State.RungEpochs.Count && series.Count >= sweep.State.RungEpochs[trial.RungsJudged])
        {
            var rung = trial.RungsJudged;
            var metric = series[sweep.State.RungEpochs[rung] - 1];
            var earlier = sweep.State.RungMetrics[rung];
            var goesOn = Asha.Continues(earlier, metric, request.Asha.ReductionFactor);
            var competitors = earlier.Count + 1;
            earlier.Add(Asha.Comparable(metric) is var c && double.IsFinite(c) ? c : double.MinValue);
            trial.RungsJudged++;
            if (!goesOn && !RunStateMachine.IsFinal(run.State))
            {
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"stopped early at rung {rung} (epoch {sweep.State.RungEpochs[rung]}): {metric:0.####} not in the top 1/{request.Asha.ReductionFactor} of {competitors} trials");
                if (await StopRunAsync(trial.RunId!, reason))
                {
                    trial.State = TrialState.StoppedEarly;
                    trial.StoppedReason = reason;
                    LogStopped(logger, this.GetPrimaryKeyString(), trial.Number, reason);
                    return;
                }
            }
        }

        trial.State = run.State switch
        {
            RunState.Completed => TrialState.Completed,
            RunState.Failed => TrialState.Failed,
            RunState.Cancelled => TrialState.Cancelled,
            _ => TrialState.Running,
        };
        if (trial.State is TrialState.Failed or TrialState.Cancelled)
            trial.StoppedReason = run.History.Count > 0 ? run.History[^1].Reason : run.State.ToString();
    }

    /// <summary>
    /// Ticks are frequent and mostly change nothing, so a tick writes only state that differs from what this
    /// activation last wrote (a tick that failed half-way is written by the next one).
    /// </summary>
    private async Task WriteIfChangedAsync()
    {
        var now = JsonSerializer.Serialize(sweep.State);
        if (now == _written)
            return;
        await sweep.WriteOrDeactivateAsync(this);
        _written = now;
        await items.RecordProgressAsync(this, Key.Lab, Key.Project, Item);
    }

    /// <summary>Cancels a run as the run grain's own cancel does; false when it finished first.</summary>
    private async Task<bool> StopRunAsync(string runId, string reason)
    {
        try
        {
            await Run(runId).MoveAsync(RunState.Cancelled, reason);
        }
        catch (PlatformConflictException)
        {
            return false;
        }

        await GrainFactory.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler).StopAsync(RunKey(runId), StopReason.Cancel);
        return true;
    }

    private async Task LaunchAsync()
    {
        var request = sweep.State.Request!;
        var active = sweep.State.Trials.Count(t => t.State == TrialState.Running);
        foreach (var trial in sweep.State.Trials.Where(t => t.State == TrialState.Pending).Take(Math.Max(0, request.MaxConcurrentTrials - active)))
        {
            // The id is stored before the run is created, so a lost silo in between cannot launch the trial twice.
            trial.RunId = RunIds.New(trial.PlanName, request.Fold, clock.GetUtcNow());
            trial.State = TrialState.Running;
            await sweep.WriteOrDeactivateAsync(this);
            await CreateRunAsync(trial);
        }
    }

    private Task<RunSnapshot> CreateRunAsync(TrialRecord trial)
    {
        var request = sweep.State.Request!;
        // The sweep's seed draws the trials; each trial trains with its plan's training.seed (the base plan's, unless
        // the sweep samples it), so trials differ only in what was swept.
        return Run(trial.RunId!).CreateForAsync(
            new RunRequest(trial.PlanName, trial.PlanVersion, request.Fold, Seed: null, request.SplitName), sweep.State.StartedBy);
    }

    private async Task FinishAsync(SweepState state)
    {
        sweep.State.State = state;
        sweep.State.FinishedAt = clock.GetUtcNow();
        await sweep.WriteOrDeactivateAsync(this);
        await RecordItemAsync();
        _timer?.Dispose();
        _timer = null;
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
        LogFinished(logger, this.GetPrimaryKeyString(), state, BestTrial());
    }

    /// <summary>The best trial: trained to the end first (a stopped trial's early metric is not comparable), then by last metric.</summary>
    private int? BestTrial() =>
        sweep.State.Trials.Where(t => t.LastMetric is not null)
            .OrderByDescending(t => t.State == TrialState.Completed)
            .ThenByDescending(t => t.LastMetric)
            .ThenBy(t => t.Number)
            .Select(t => (int?)t.Number)
            .FirstOrDefault();

    public Task IndexAsync() => RecordItemAsync();

    private Task RecordItemAsync() => items.RecordAsync(this, Key.Lab, Key.Project, Item);

    /// <summary>The list row as the record is now; null before the start.</summary>
    private ProjectItem? Item() => sweep.State.Request is null ? null : SweepItem.From(Key.Name, sweep.State, BestTrial());

    private SweepSnapshot Snapshot()
    {
        var s = sweep.State;
        return new SweepSnapshot(Key.Name, s.Request!, s.State, [.. s.RungEpochs], [.. s.Trials.Select(t => t.ToTrial())],
            BestTrial(), s.StartedAt, s.StartedBy, s.FinishedAt);
    }

    private void Validate(SweepRequest request)
    {
        PlanNameRules.Require(request.BasePlan);
        if (request.Trials is < 1 or > MaxTrials)
            throw new PlatformValidationException("trials", $"A sweep has 1 to {MaxTrials} trials (got {request.Trials}).");
        if (request.MaxConcurrentTrials < 1)
            throw new PlatformValidationException("maxConcurrentTrials", "At least one trial must be allowed to run at a time.");
        if (request.Asha is null || request.Asha.GracePeriodEpochs < 1)
            throw new PlatformValidationException("asha.gracePeriodEpochs", "The grace period is at least one epoch.");
        if (request.Asha.ReductionFactor < 2)
            throw new PlatformValidationException("asha.reductionFactor", "The reduction factor η is at least 2.");
        if (request.Fold is < 0)
            throw new PlatformValidationException("fold", "A fold is 0 or above (or none, to train on all cases).");
        if (!PlanNames.IsValid(TrialPlanName(request.Trials)))
            throw new PlatformValidationException("name", $"Sweep name '{Key.Name}' is too long for its trial plan names ('{TrialPlanName(request.Trials)}'); plan names have at most 40 characters.");
        SweepSampler.Validate(request.Parameters);
    }

    private string TrialPlanName(int number) => $"{Key.Name}-t{number}";

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private IPlanGrain Plan(string name) => GrainFactory.GetGrain<IPlanGrain>(GrainKeys.Plan(Key.Lab, Key.Project, name));

    private string RunKey(string runId) => GrainKeys.Run(Key.Lab, Key.Project, runId);

    private ITrainingRunGrain Run(string runId) => GrainFactory.GetGrain<ITrainingRunGrain>(RunKey(runId));

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {Key} started: {Trials} trials, rungs at epochs {Rungs}")]
    private static partial void LogStarted(ILogger logger, string key, int trials, string rungs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {Key}: trial {Trial} {Reason}")]
    private static partial void LogStopped(ILogger logger, string key, int trial, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {Key} finished {State}; best trial {Best}")]
    private static partial void LogFinished(ILogger logger, string key, SweepState state, int? best);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {Key}: following its trials failed; the next tick retries")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string key);
}
