using Bunit;
using Platform.Grains.Abstractions.Sweeps;
using Platform.Grains.Abstractions.Tenancy;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Sweeps;
using Xunit;

namespace Platform.WebUI.Tests.Sweeps;

public sealed class SweepDetailsTests : MudBlazorContext
{
    private int _cancels;

    private IRenderedComponent<SweepDetails> RenderDetails(LabRole role, SweepState state)
    {
        Context.Render<MudBlazor.MudPopoverProvider>();
        return Context.Render<SweepDetails>(p => p
            .Add(c => c.Access, new LabAccess(role, IsPlatformAdmin: false))
            .Add(c => c.Snapshot, SweepSamples.Snapshot(state))
            .Add(c => c.OnCancel, () => _cancels++));
    }

    [Fact]
    public void A_scientist_can_cancel_a_running_sweep()
    {
        var page = RenderDetails(LabRole.Scientist, SweepState.Running);

        page.Find("[data-testid=cancel-sweep-button]").Click();

        Assert.Equal(1, _cancels);
    }

    [Fact]
    public void A_viewer_sees_the_results_but_no_cancel_button()
    {
        var page = RenderDetails(LabRole.Viewer, SweepState.Running);

        Assert.Empty(page.FindAll("[data-testid=cancel-sweep-button]"));
        Assert.Equal(4, page.FindAll("[data-testid=trial-row]").Count);
        Assert.NotNull(page.Find("[data-testid=sweep-scatter]"));
        Assert.NotNull(page.Find("[data-testid=sweep-parallel]"));
    }

    [Fact]
    public void A_finished_sweep_cannot_be_cancelled() =>
        Assert.Empty(RenderDetails(LabRole.PrincipalInvestigator, SweepState.Completed).FindAll("[data-testid=cancel-sweep-button]"));

    [Fact]
    public void The_summary_names_plan_split_fold_and_rungs() =>
        Assert.Contains("4 trials of plan 3d_fullres v1 on split default, fold 0",
            string.Join(" ", RenderDetails(LabRole.Viewer, SweepState.Completed).Find("[data-testid=sweep-summary]").TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
}
