using Bunit;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Runs;
using Xunit;

namespace Platform.WebUI.Tests.Runs;

public sealed class RunActionsTests : MudBlazorContext
{
    private int _cancels;

    private IRenderedComponent<RunActions> RenderActions(RunState state, bool canAct) =>
        Context.Render<RunActions>(p => p
            .Add(c => c.State, state)
            .Add(c => c.CanAct, canAct)
            .Add(c => c.OnCancel, () => _cancels++));

    private static string[] Buttons(IRenderedComponent<RunActions> actions) =>
        actions.FindAll("[data-testid$=-button]").Select(b => b.GetAttribute("data-testid")!).ToArray();

    [Theory]
    [InlineData(RunState.Running)]
    [InlineData(RunState.Paused)]
    [InlineData(RunState.Queued)]
    public void A_viewer_gets_no_buttons_in_any_state(RunState state) => Assert.Empty(Buttons(RenderActions(state, canAct: false)));

    [Fact]
    public void A_scientist_may_pause_or_cancel_a_running_run() =>
        Assert.Equal(["run-pause-button", "run-cancel-button"], Buttons(RenderActions(RunState.Running, canAct: true)));

    [Fact]
    public void A_scientist_may_resume_or_cancel_a_paused_run() =>
        Assert.Equal(["run-resume-button", "run-cancel-button"], Buttons(RenderActions(RunState.Paused, canAct: true)));

    [Fact]
    public void A_queued_run_can_only_be_cancelled() =>
        Assert.Equal(["run-cancel-button"], Buttons(RenderActions(RunState.Queued, canAct: true)));

    [Theory]
    [InlineData(RunState.Completed)]
    [InlineData(RunState.Failed)]
    [InlineData(RunState.Cancelled)]
    public void A_finished_run_offers_nothing(RunState state) => Assert.Empty(Buttons(RenderActions(state, canAct: true)));

    [Fact]
    public void Cancelling_asks_first_and_cancels_only_when_confirmed()
    {
        var actions = RenderActions(RunState.Running, canAct: true);

        actions.Find("[data-testid=run-cancel-button]").Click();
        Assert.Equal(0, _cancels);
        Assert.Contains("cannot be resumed", actions.Find("[data-testid=run-cancel-confirmation]").TextContent);

        actions.Find("[data-testid=run-cancel-dismiss]").Click();
        Assert.Equal(0, _cancels);

        actions.Find("[data-testid=run-cancel-button]").Click();
        actions.Find("[data-testid=run-cancel-confirm]").Click();
        Assert.Equal(1, _cancels);
    }

    [Fact]
    public void After_a_pause_request_the_button_says_the_run_stops_at_the_end_of_its_epoch()
    {
        var actions = Context.Render<RunActions>(p => p.Add(c => c.State, RunState.Running).Add(c => c.CanAct, true).Add(c => c.PausingAtEpoch, 4));

        var pause = actions.Find("[data-testid=run-pause-button]");
        Assert.Equal("Pausing at the end of epoch 4…", pause.TextContent.Trim());
        Assert.True(pause.HasAttribute("disabled"));
    }
}
