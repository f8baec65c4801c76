using Platform.Cli.Output;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Training;

namespace Platform.Cli.Commands;

/// <summary>
/// Follows a run or a cross-validation by polling (one grain call per interval, nothing to renew, and it works
/// through any gateway), showing epochs as they arrive, until it ends or pauses.
/// </summary>
public static class RunFollower
{
    public static async Task<RunSnapshot> FollowRunAsync(ITrainingRunGrain run, int? totalEpochs, ProgressDisplay progress, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = await run.GetAsync() ?? throw CliException.NotFound("The run disappeared while being followed.");
            var epochs = snapshot.Metrics.Count;
            var last = epochs > 0 ? snapshot.Metrics[^1] : null;
            var detail = last is null
                ? snapshot.Preparation is { } waiting ? $"{snapshot.State}: {Describe(waiting)}" : snapshot.State.ToString()
                : FormattableString.Invariant($"epochs, {snapshot.State}, train loss {last.TrainLoss:F4}{(last.ValidationLoss is { } v ? FormattableString.Invariant($", val loss {v:F4}") : "")}, pseudo-Dice {string.Join(' ', last.PseudoDice.OrderBy(d => d.Key).Select(d => FormattableString.Invariant($"{d.Key}:{d.Value:F3}")))}");
            progress.Report(epochs, totalEpochs ?? 0, detail);
            if (RunStateMachine.IsFinal(snapshot.State) || snapshot.State == RunState.Paused)
            {
                progress.Done();
                return snapshot;
            }

            await Task.Delay(interval, cancellationToken);
        }
    }

    public static async Task<CrossValidationSnapshot> FollowCrossValidationAsync(ICrossValidationGrain grain, ProgressDisplay progress, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = await grain.GetAsync() ?? throw CliException.NotFound("The cross-validation disappeared while being followed.");
            progress.Report(snapshot.Fraction * 100, 100, $"% {snapshot.State}: {string.Join(", ", snapshot.Folds.Select(f => $"fold {f.Fold} {f.State} {f.EpochsDone}/{f.TotalEpochs}"))}");
            if (snapshot.State is CrossValidationState.Completed or CrossValidationState.Failed or CrossValidationState.Cancelled)
            {
                progress.Done();
                return snapshot;
            }

            await Task.Delay(interval, cancellationToken);
        }
    }

    /// <summary>"waiting for preprocessing of dataset X (3/10 cases)".</summary>
    public static string Describe(RunPreparation waiting) =>
        waiting.Total > 0 ? $"{waiting.Activity} ({waiting.Done}/{waiting.Total} cases)" : waiting.Activity;

    public static int ExitCodeOf(RunState state) => state is RunState.Failed or RunState.Cancelled ? ExitCodes.RunFailed : ExitCodes.Ok;

    /// <summary>A line for people: the state, and why when the run did not complete.</summary>
    public static string Describe(RunSnapshot run)
    {
        var reason = run.History.Count > 0 ? run.History[^1].Reason : null;
        return run.State switch
        {
            RunState.Completed => $"Run {run.RunId} completed: {run.Result?.Summary}",
            RunState.Failed or RunState.Cancelled => $"Run {run.RunId} {run.State.ToString().ToLowerInvariant()}: {reason}",
            RunState.Preparing when run.Preparation is { } waiting => $"Run {run.RunId} is {run.State}: {Describe(waiting)}",
            _ => $"Run {run.RunId} is {run.State}{(reason is null ? "" : $" ({reason})")}",
        };
    }
}
