using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Tests.Hosting;
using Platform.Testing;
using Xunit;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// Two labs on one silo: lab A with a principal investigator, a scientist and a viewer, lab B with its own
/// principal investigator; plus a scientist-level service key of lab A.
/// </summary>
public sealed class TenancyFixture : IAsyncLifetime
{
    public const string PiA = "pi-a", ScientistA = "sci-a", ViewerA = "viewer-a", PiB = "pi-b";

    private TestDatabaseHandle? _database;
    private InProcessSilo? _silo;

    public string LabA { get; } = $"lab-a-{Guid.NewGuid():N}"[..16];
    public string LabB { get; } = $"lab-b-{Guid.NewGuid():N}"[..16];
    public string ScientistKeyA { get; private set; } = "";
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
