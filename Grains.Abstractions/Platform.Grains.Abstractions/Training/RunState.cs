namespace Platform.Grains.Abstractions.Training;

[GenerateSerializer, Alias("Platform.Grains.Abstractions.Training.RunState")]
public enum RunState { Queued = 0, Preparing = 1, Running = 2, Paused = 3, Completed = 4, Failed = 5, Cancelled = 6 }

/// <summary>
/// The moves a run may make. Preparing and Running may go back to Queued: that is how a run whose machine was
/// lost gets placed again. Completed, Failed and Cancelled are final.
/// </summary>
public static class RunStateMachine
{
    private static readonly Dictionary<RunState, RunState[]> Moves = new()
    {
        [RunState.Queued] = [RunState.Preparing, RunState.Cancelled],
        [RunState.Preparing] = [RunState.Running, RunState.Queued, RunState.Failed, RunState.Cancelled],
        [RunState.Running] = [RunState.Paused, RunState.Queued, RunState.Completed, RunState.Failed, RunState.Cancelled],
        [RunState.Paused] = [RunState.Queued, RunState.Cancelled],
        [RunState.Completed] = [],
        [RunState.Failed] = [],
        [RunState.Cancelled] = [],
    };

    public static bool CanMove(RunState from, RunState to) => Moves[from].Contains(to);

    public static bool IsFinal(RunState state) => Moves[state].Length == 0;

    /// <exception cref="PlatformConflictException">The move is not allowed from <paramref name="from"/>.</exception>
    public static void RequireMove(string runId, RunState from, RunState to)
    {
        if (!CanMove(from, to))
            throw new PlatformConflictException(IsFinal(from)
                ? $"Run '{runId}' is {from} and can no longer change."
                : $"Run '{runId}' is {from}; it cannot become {to} from there.");
    }
}
