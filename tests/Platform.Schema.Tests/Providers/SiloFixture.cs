using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;
using Platform.Schema.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Schema.Tests.Providers;

/// <summary>
/// A real in-process silo whose grain storage and reminders are the ADO.NET providers on a migrated
/// Europe/Berlin database. AdoNetGrainStorage initialises privately and AdoNetReminderTable is internal, so a
/// silo is the honest way to get them: the tests then call them through the public IGrainStorage and
/// IReminderTable services, exactly as the runtime does. Clustering is in-memory (localhost) so this fixture
/// depends only on the providers under test; the clustering provider is tested on its own.
/// </summary>
public sealed class SiloFixture : IAsyncLifetime
{
    /// <summary>Storage that clears by writing a NULL payload (DeleteStateOnClear = false).</summary>
    public const string Storage = "schema";

    /// <summary>Storage that clears by deleting the row (DeleteStateOnClear = true); same service, so same rows.</summary>
    public const string DeletingStorage = "schema-delete";

    private TestDatabaseHandle? _database;
    private IHost? _host;

    /// <summary>A service id of its own, so rows written here are easy to find and cannot be anyone else's.</summary>
    public string ServiceId { get; } = $"schema-tests-{Guid.NewGuid():N}";

    public string ConnectionString => (_database ?? throw NotStarted()).ConnectionString;
    public IServiceProvider Services => (_host ?? throw NotStarted()).Services;
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();
    public IReminderTable Reminders => Services.GetRequiredService<IReminderTable>();
    public IGrainStorage GrainStorage(string name) => Services.GetRequiredKeyedService<IGrainStorage>(name);

    public async Task InitializeAsync()
    {
        _database = await BerlinDatabase.CreateAsync("silo");
        var connectionString = _database.ConnectionString;
        _host = TestSilo.Build(ServiceId, silo => silo
            .AddStorage(Storage, connectionString)
            .AddStorage(DeletingStorage, connectionString, deleteStateOnClear: true)
            .AddReminders(connectionString));
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_database is not null)
            await _database.DisposeAsync();
    }

    private static InvalidOperationException NotStarted() => new("The silo fixture has not been initialised.");
}
