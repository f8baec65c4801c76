using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Pages.Runs;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;
using Platform.WebUI.Tests.Pages.Support;
using Platform.WebUI.Tests.Runs;
using Platform.WebUI.Tests.Services;
using Xunit;

namespace Platform.WebUI.Tests.Pages.Runs;

/// <summary>
/// The runs list shows one page of the project's run list (progress included) without asking any run, and while a
/// run on it is under way re-reads that page alone, until everything shown is final.
/// </summary>
public sealed class RunsPageTests : MudBlazorContext
{
    private const string Lab = "kidney-lab";
    private const string Project = "kits";
    private const string RunId = "3d-f0-20250101120000-ab12";

    private readonly StubCluster _cluster;
    private readonly BeatingClock _clock = new();
    private readonly List<ProjectItemQuery> _asked = [];
    private ProjectItem _row = null!;

    public RunsPageTests()
    {
        var (client, stubs) = StubCluster.Create();
        _cluster = stubs;
        Context.Services.AddSingleton(client);
        Context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Context.Services.AddSingleton<TimeProvider>(_clock);
        Context.Services.AddSingleton(RunSamples.Caller(_clock));
        Context.Services.AddSingleton<PlatformAdmins>();
        Context.Services.AddScoped<LabsClient>();
        Context.Services.AddScoped<LabAccessLoader>();
        Context.Services.AddScoped<ProjectsClient>();
        Context.Services.AddScoped<ProjectListsClient>();
        Context.Services.AddScoped<RunsClient>();
        Context.Services.AddScoped<PlansClient>();
        Context.Services.AddTransient<SignedPolling>();
        Context.AddAuthorization().SetAuthorized("alice");

        _cluster.Add<ILabGrain>(GrainKeys.Lab(Lab), g => g.Answer("GetMyRoleAsync", LabRole.Viewer));
        var project = new ProjectSummary(Lab, Project, "", DateTimeOffset.UnixEpoch, "alice", null, [], new Dictionary<string, IReadOnlyList<int>>(), []);
        _cluster.Add<IProjectGrain>(GrainKeys.Project(Lab, Project), g => g.Answer("GetAsync", (ProjectSummary?)project));
        // No run grain is registered: a page that asked a run would fail (the stub cluster knows none).
        _cluster.Add<IProjectListGrain>(GrainKeys.ProjectList(Lab, Project), g => g
            .Answer("ListPlansAsync", (IReadOnlyList<PlanHead>)[new PlanHead("3d", new PlanVersionSummary(1, "alice", DateTimeOffset.UnixEpoch, null))])
            .Answer("ListItemsAsync", (ProjectItemQuery q) =>
            {
                _asked.Add(q);
                return q.Kind == ProjectItemKind.Run ? new ProjectItemPage([_row], 1, q) : new ProjectItemPage([], 0, q);
            }));
    }

    private void RunIs(RunState state, int epochs = 3) =>
        _row = new ProjectItem(ProjectItemKind.Run, RunId, "3d", 1, 0, "default", state.ToString(),
            Active: !RunStateMachine.IsFinal(state) && state != RunState.Paused, DateTimeOffset.UnixEpoch, "alice", null, null,
            epochs, 10, 0, 0, BestScore: 0.75, Note: null);

    private int PollTimers => _clock.LiveTimersOf(TimeSpan.FromSeconds(5));

    private int RunPagesAsked => _asked.Count(q => q.Kind == ProjectItemKind.Run);

    private IRenderedComponent<RunsPage> Render() =>
        Context.Render<RunsPage>(p => p.Add(c => c.LabId, Lab).Add(c => c.Project, Project));

    [Fact]
    public void A_running_run_is_re_read_one_page_per_poll_until_it_is_final_then_the_list_stops_polling()
    {
        RunIs(RunState.Running);
        var page = Render();
        page.WaitForAssertion(() => Assert.Contains("Running", page.Find("[data-testid=run-row-state]").TextContent));
        Assert.Equal("3 / 10", page.Find("[data-testid=run-row-epochs]").TextContent.Trim());
        Assert.Equal("0.750", page.Find("[data-testid=run-row-best]").TextContent.Trim());
        Assert.Equal(1, PollTimers);
        Assert.Equal(1, RunPagesAsked);

        RunIs(RunState.Running, epochs: 4);
        _clock.Beat(TimeSpan.FromSeconds(5));
        page.WaitForAssertion(() => Assert.Equal("4 / 10", page.Find("[data-testid=run-row-epochs]").TextContent.Trim()));
        Assert.Equal(2, RunPagesAsked);
        Assert.All(_asked, q => Assert.InRange(q.PageSize, 1, 25));

        RunIs(RunState.Completed, epochs: 10);
        _clock.Beat(TimeSpan.FromSeconds(5));

        page.WaitForAssertion(() => Assert.Contains("Completed", page.Find("[data-testid=run-row-state]").TextContent));
        page.WaitForAssertion(() => Assert.Equal(0, PollTimers));
        Assert.Equal(3, RunPagesAsked);
    }

    [Fact]
    public void A_list_of_final_runs_does_not_poll()
    {
        RunIs(RunState.Failed);
        var page = Render();

        page.WaitForAssertion(() => Assert.Contains("Failed", page.Find("[data-testid=run-row-state]").TextContent));
        Assert.Equal(0, PollTimers);
    }
}
