using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Training;
using Xunit;

namespace Platform.Grains.Tests.Training;

public sealed class RunStateMachineTests
{
    // The allowed moves, written out independently of the implementation's table.
    private static readonly HashSet<(RunState, RunState)> Allowed =
    [
        (RunState.Queued, RunState.Preparing), (RunState.Queued, RunState.Cancelled),
        (RunState.Preparing, RunState.Running), (RunState.Preparing, RunState.Queued), (RunState.Preparing, RunState.Failed), (RunState.Preparing, RunState.Cancelled),
        (RunState.Running, RunState.Paused), (RunState.Running, RunState.Queued), (RunState.Running, RunState.Completed),
        (RunState.Running, RunState.Failed), (RunState.Running, RunState.Cancelled),
        (RunState.Paused, RunState.Queued), (RunState.Paused, RunState.Cancelled),
    ];

    public static TheoryData<RunState, RunState> AllPairs()
    {
        var data = new TheoryData<RunState, RunState>();
        foreach (var from in Enum.GetValues<RunState>())
            foreach (var to in Enum.GetValues<RunState>())
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Only_the_listed_moves_are_allowed(RunState from, RunState to)
    {
        Assert.Equal(Allowed.Contains((from, to)), RunStateMachine.CanMove(from, to));
        if (Allowed.Contains((from, to)))
            RunStateMachine.RequireMove("r", from, to);
        else
            Assert.Throws<PlatformConflictException>(() => RunStateMachine.RequireMove("r", from, to));
    }

    [Theory]
    [InlineData(RunState.Completed)]
    [InlineData(RunState.Failed)]
    [InlineData(RunState.Cancelled)]
    public void Final_states_say_so(RunState state)
    {
        Assert.True(RunStateMachine.IsFinal(state));
        Assert.Contains("can no longer change", Assert.Throws<PlatformConflictException>(() => RunStateMachine.RequireMove("r", state, RunState.Queued)).Message);
    }
}
