using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Hosting;

/// <summary>One migrated database and one silo on it, shared by the tests of a collection (tests use unique keys).</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private TestDatabaseHandle? _database;
    private InProcessSilo? _silo;

    /// <summary>The silo's data root: tests write datasource folders here.</summary>
    public TempDataRoot Data { get; } = new();

    /// <summary>The silo's work root: preprocessed data, checkpoints and predictions land here.</summary>
    public TempDataRoot Work { get; } = new();

    public TestDatabaseHandle Database => _database ?? throw new InvalidOperationException("Fixture not initialised.");
    public IGrainFactory Grains => (_silo ?? throw new InvalidOperationException("Fixture not initialised.")).Grains;
    public const string ServiceId = "svc", ClusterId = "cluster";

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("grains");
        _silo = await InProcessSilo.StartAsync(_database.ConnectionString, ServiceId, ClusterId, dataRoot: Data.Root, workRoot: Work.Root);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        Data.Dispose();
        Work.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
