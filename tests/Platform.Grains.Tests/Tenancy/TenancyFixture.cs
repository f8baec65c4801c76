using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Testing;
using Xunit;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// Two labs on one silo: lab A with a principal investigator, a scientist and a viewer, lab B with its own
/// principal investigator; plus a scientist-level service key of lab A. Lab A has a project (<see cref="Project"/>)
/// with a plan at version 1 and a queued run of it, and a second project for archiving.
/// </summary>
public sealed class TenancyFixture : IAsyncLifetime
{
    public const string PiA = "pi-a", ScientistA = "sci-a", ViewerA = "viewer-a", PiB = "pi-b";

    private TestDatabaseHandle? _database;
    private InProcessSilo? _silo;

    public string LabA { get; } = $"lab-a-{Guid.NewGuid():N}"[..16];
    public string LabB { get; } = $"lab-b-{Guid.NewGuid():N}"[..16];
    public const string Project = "proj", ArchiveProject = "arch", Plan = "base", ProjectDescription = "Matrix";
    public string ScientistKeyA { get; private set; } = "";
    /// <summary>Fixed, so theory data (built before the fixture) can name it; lab ids are unique per fixture.</summary>
    public const string RunId = "base-f0-matrix";
    public static readonly RunRequest RunRequest = new(Plan, 1, null, 7, null);
    public IGrainFactory Grains => _silo!.Grains;

    public ILabGrain Lab(string id) => Grains.GetGrain<ILabGrain>(GrainKeys.Lab(id));

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("tenancy");
        _silo = await InProcessSilo.StartAsync(_database.ConnectionString, "svc", "tenancy");

        TestIdentity.ActAs(TestIdentity.Admin);
        await Lab(LabA).CreateAsync("Lab A", PiA);
        await Lab(LabB).CreateAsync("Lab B", PiB);

        TestIdentity.ActAs(PiA);
        await Lab(LabA).SetMemberAsync(ScientistA, LabRole.Scientist);
        await Lab(LabA).SetMemberAsync(ViewerA, LabRole.Viewer);
        ScientistKeyA = (await Lab(LabA).CreateApiKeyAsync("pipeline", LabRole.Scientist)).Key;
        await Grains.GetGrain<IProjectGrain>(GrainKeys.Project(LabA, Project)).CreateAsync(ProjectDescription);
        await Grains.GetGrain<IProjectGrain>(GrainKeys.Project(LabA, ArchiveProject)).CreateAsync(ProjectDescription);
        await Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(LabA, Project, Plan)).ReviseAsync(SamplePlans.Small(), 0, null);
        await Grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(LabA, Project, RunId)).CreateAsync(RunRequest);
        TestIdentity.ActAnonymously();
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
