using Platform.LocalHosting.Postgres;
using Platform.Schema;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// The tests' private PostgreSQL server (a cluster of their own beside the platform's, started on demand with pg_ctl) and
/// throw-away databases on it, one per fixture, so tests never see each other's rows.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<LocalPostgresServer>> Started = new(StartAsync);

    public static Task<LocalPostgresServer> ServerAsync() => Started.Value;

    /// <summary>Creates an empty database with a unique name; <paramref name="migrate"/> applies the platform schema.</summary>
    public static async Task<TestDatabaseHandle> CreateDatabaseAsync(string purpose, bool migrate = true)
    {
        var server = await ServerAsync();
        var name = $"t_{Sanitise(purpose)}_{Guid.NewGuid():N}"; // at most 55 characters, under PostgreSQL's 63
        await server.CreateDatabaseIfMissingAsync(name);
        var connectionString = server.ConnectionString(name);
        if (migrate)
            await SchemaMigrator.ApplyAsync(connectionString);
        return new TestDatabaseHandle(server, name, connectionString);
    }

    private static string Sanitise(string purpose)
    {
        var chars = purpose.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').Take(20).ToArray();
        return chars.Length == 0 ? "db" : new string(chars);
    }

    /// <summary>The tests' server: its own cluster in <c>.data/test/</c> (the AppHost runs the platform's in <c>.data/postgres</c>), on PLATFORM_POSTGRES_PORT or 54339.</summary>
    public static LocalPostgresOptions Options { get; } = new(
        Path.Combine(RepositoryPaths.Root, ".data", "test"),
        int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_POSTGRES_PORT"), out var port) ? port : 54339);

    private static async Task<LocalPostgresServer> StartAsync()
    {
        var server = new LocalPostgresServer(Options);
        await server.StartAsync();
        return server;
    }
}

/// <summary>A database created for one fixture; dropping it removes everything the tests wrote.</summary>
public sealed class TestDatabaseHandle(LocalPostgresServer server, string name, string connectionString) : IAsyncDisposable
{
    public string Name => name;
    public string ConnectionString => connectionString;
    public LocalPostgresServer Server => server;

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(name);
}

/// <summary>xUnit fixture: one migrated database for a test class or collection.</summary>
public sealed class MigratedDatabaseFixture : IAsyncLifetime
{
    private TestDatabaseHandle? _database;

    public TestDatabaseHandle Database => _database ?? throw new InvalidOperationException("Fixture not initialised.");
    public string ConnectionString => Database.ConnectionString;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync(GetType().Name);

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
