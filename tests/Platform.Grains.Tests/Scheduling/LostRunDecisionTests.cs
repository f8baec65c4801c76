using Platform.Grains.Abstractions.Training;
using Platform.Grains.Scheduling;
using Xunit;

namespace Platform.Grains.Tests.Scheduling;

public sealed class LostRunDecisionTests
{
    [Theory]
    [InlineData(RunState.Running, 1, LostRunAction.Requeue)]
    [InlineData(RunState.Preparing, 2, LostRunAction.Requeue)]
    [InlineData(RunState.Running, 3, LostRunAction.Fail)]
    [InlineData(RunState.Preparing, 4, LostRunAction.Fail)]
    [InlineData(RunState.Queued, 3, LostRunAction.MakePlaceable)]
    [InlineData(RunState.Paused, 1, LostRunAction.Forget)]
    [InlineData(RunState.Cancelled, 1, LostRunAction.Forget)]
    [InlineData(RunState.Completed, 1, LostRunAction.Forget)]
    public void A_run_that_lost_its_silo_is_placed_again_until_the_cap_then_fails(RunState state, int losses, LostRunAction expected) =>
        Assert.Equal(expected, LostRunDecision.Decide(state, losses, maxPlacements: 3));

    [Fact]
    public void A_run_that_no_longer_exists_is_forgotten() =>
        Assert.Equal(LostRunAction.Forget, LostRunDecision.Decide(null, 1, 3));
}
