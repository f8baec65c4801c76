using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.Plans;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Pages.Runs;
using Platform.WebUI.Identity;
using Platform.WebUI.Services;
using Platform.WebUI.Tests.Pages.Support;
using Platform.WebUI.Tests.Runs;
using Platform.WebUI.Tests.Services;
using Xunit;

namespace Platform.WebUI.Tests.Pages.Runs;

/// <summary>The runs list refreshes itself while a run is under way, and stops once everything is final.</summary>
public sealed class RunsPageTests : MudBlazorContext
{
    private const string Lab = "kidney-lab";
    private const string Project = "kits";
    private const string RunId = "3d-f0-20250101120000-ab12";

    private readonly StubCluster _cluster;
    private readonly BeatingClock _clock = new();
    private GrainStub _run = null!;

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
        Context.Services.AddScoped<RunsClient>();
        Context.Services.AddScoped<PlansClient>();
        Context.Services.AddTransient<SignedPolling>();
        Context.AddAuthorization().SetAuthorized("alice");

        _cluster.Add<ILabGrain>(GrainKeys.Lab(Lab), g => g.Answer("GetMyRoleAsync", LabRole.Viewer));
        var project = new ProjectSummary(Lab, Project, "", DateTimeOffset.UnixEpoch, "alice", null, [], [RunId], [],
            new Dictionary<string, IReadOnlyList<int>>(), [], [], []);
        _cluster.Add<IProjectGrain>(GrainKeys.Project(Lab, Project), g => g.Answer("GetAsync", (ProjectSummary?)project));
        _cluster.Add<IPlanGrain>(GrainKeys.Plan(Lab, Project, "3d"), g => g.Answer("GetVersionAsync",
            new PlanSnapshot("3d", 1, PlanSettings.Default, "alice", DateTimeOffset.UnixEpoch, null)));
    }

    private void RunIs(RunState state)
    {
        var snapshot = (RunSnapshot?)new RunSnapshot(RunId, new RunRequest("3d", 1, 0, 1, "default"), state, "1.0", DateTimeOffset.UnixEpoch, "alice", [], []);
        if (_run is null)
            _cluster.Add<ITrainingRunGrain>(GrainKeys.Run(Lab, Project, RunId), g => _run = g.Answer("GetAsync", snapshot));
        else
            _run.Answer("GetAsync", snapshot);
    }

    private IRenderedComponent<RunsPage> Render() =>
        Context.Render<RunsPage>(p => p.Add(c => c.LabId, Lab).Add(c => c.Project, Project));

    [Fact]
    public void A_running_run_is_re_read_until_it_is_final_then_the_list_stops_polling()
    {
        RunIs(RunState.Running);
        var page = Render();
        page.WaitForAssertion(() => Assert.Contains("Running", page.Find("[data-testid=run-row-state]").TextContent));
        Assert.Equal(1, _clock.LiveTimers);

        RunIs(RunState.Completed);
        _clock.Beat(TimeSpan.FromSeconds(5));

        page.WaitForAssertion(() => Assert.Contains("Completed", page.Find("[data-testid=run-row-state]").TextContent));
        page.WaitForAssertion(() => Assert.Equal(0, _clock.LiveTimers));
    }

    [Fact]
    public void A_list_of_final_runs_does_not_poll()
    {
        RunIs(RunState.Failed);
        var page = Render();

        page.WaitForAssertion(() => Assert.Contains("Failed", page.Find("[data-testid=run-row-state]").TextContent));
        Assert.Equal(0, _clock.LiveTimers);
    }
}
