using Bunit;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Home;
using Platform.WebUI.Services;
using Xunit;
using static Platform.WebUI.Tests.Runs.RunSamples;

namespace Platform.WebUI.Tests.Home;

public sealed class RecentWorkViewTests : MudBlazorContext
{
    private static readonly LabSummary Kidney = new("kidney-lab", "Kidney Imaging Lab", DateTimeOffset.UnixEpoch, null);

    private static ProjectSummary ProjectNamed(string title) =>
        new("kidney-lab", title, "", DateTimeOffset.UnixEpoch, "alice", null, [], new Dictionary<string, IReadOnlyList<int>>(), []);

    [Fact]
    public void Runs_link_to_their_pages_and_finished_ones_to_their_results_and_projects_to_theirs_under_the_labs_name()
    {
        var overview = new RecentWorkOverview(
            [new RecentProject(Kidney, ProjectNamed("kits"))],
            [new RecentRun(Kidney, "kits", Item(RunState.Completed, 5, 5) with { Name = "done-run" }), new RecentRun(Kidney, "kits", Item(RunState.Running, 1, 5) with { Name = "busy-run" })]);

        var view = Context.Render<RecentWorkView>(p => p.Add(c => c.Overview, overview));

        Assert.Equal(["labs/kidney-lab/projects/kits/runs/done-run", "labs/kidney-lab/projects/kits/runs/busy-run"],
            view.FindAll("[data-testid=home-run-link]").Select(a => a.GetAttribute("href")));
        Assert.Equal("labs/kidney-lab/projects/kits/runs/done-run/results", Assert.Single(view.FindAll("[data-testid=home-run-results-link]")).GetAttribute("href"));
        Assert.Contains("Kidney Imaging Lab / kits", view.Find("[data-testid=home-run-row]").TextContent, StringComparison.Ordinal);
        var project = view.Find("[data-testid=home-project-link]");
        Assert.Contains("Kidney Imaging Lab", project.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_user_is_told_where_to_start()
    {
        var view = Context.Render<RecentWorkView>(p => p.Add(c => c.Overview, new RecentWorkOverview([], [])));

        Assert.Contains("not started a run yet", view.Find("[data-testid=home-runs-empty]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(view.Find("[data-testid=home-projects-empty]"));
    }
}
