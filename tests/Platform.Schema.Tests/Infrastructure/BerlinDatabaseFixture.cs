using Platform.Testing;

namespace Platform.Schema.Tests.Infrastructure;

/// <summary>xUnit class fixture: one migrated Europe/Berlin database per test class.</summary>
public sealed class BerlinDatabaseFixture : IAsyncLifetime
{
    private TestDatabaseHandle? _database;

    public string ConnectionString => (_database ?? throw new InvalidOperationException("Fixture not initialised.")).ConnectionString;

    public async Task InitializeAsync() => _database = await BerlinDatabase.CreateAsync("schema");

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
