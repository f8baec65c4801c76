using Npgsql;
using Platform.Testing;

namespace Platform.Schema.Tests.Infrastructure;

/// <summary>
/// Throw-away databases whose session time zone is Europe/Berlin. With UTC, a timestamp-without-time-zone
/// column would pass every test and still be wrong in production; a non-UTC zone makes such a mistake show.
/// </summary>
public static class BerlinDatabase
{
    public const string TimeZone = "Europe/Berlin";

    /// <summary>Creates a database, sets its time zone before anyone connects to it, then migrates it if asked.</summary>
    public static async Task<TestDatabaseHandle> CreateAsync(string purpose, bool migrate = true)
    {
        var database = await TestPostgres.CreateDatabaseAsync(purpose, migrate: false);
        // Set on the database, from another database, before the first session: pooled sessions keep the zone they started with.
        await using (var admin = new NpgsqlConnection(database.Server.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var alter = new NpgsqlCommand($"ALTER DATABASE {database.Name} SET timezone = '{TimeZone}'", admin);
            await alter.ExecuteNonQueryAsync();
        }

        if (migrate)
            await SchemaMigrator.ApplyAsync(database.ConnectionString);
        return database;
    }
}
