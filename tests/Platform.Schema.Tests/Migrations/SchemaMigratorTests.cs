using Npgsql;
using Platform.Schema.Tests.Infrastructure;

namespace Platform.Schema.Tests.Migrations;

/// <summary>The migrator against real, fresh databases: idempotence, edited scripts, concurrency, atomicity.</summary>
public class SchemaMigratorTests(BerlinDatabaseFixture migrated) : IClassFixture<BerlinDatabaseFixture>
{
    private static readonly string[] AllNames = [.. EmbeddedMigrations.All.Select(s => s.Name)];

    [Fact]
    public async Task ApplyAsync_twice_second_call_applies_nothing_and_leaves_schema_identical()
    {
        await using var database = await BerlinDatabase.CreateAsync("twice", migrate: false);

        var first = await SchemaMigrator.ApplyAsync(database.ConnectionString);
        var before = await SchemaDump.TakeAsync(database.ConnectionString);
        var second = await SchemaMigrator.ApplyAsync(database.ConnectionString);
        var after = await SchemaDump.TakeAsync(database.ConnectionString);

        Assert.Equal(AllNames, first);
        Assert.Empty(second);
        Assert.Equal(before, after);
        Assert.Contains("orleans_storage_identity", before, StringComparison.Ordinal); // the dump really sees the schema
    }

    [Fact]
    public async Task Scripts_run_again_directly_leave_schema_identical_and_restore_edited_query_texts()
    {
        await using var database = await BerlinDatabase.CreateAsync("rerun");
        var before = await SchemaDump.TakeAsync(database.ConnectionString);
        // Someone (or an older build) left a stale text in the catalogue: re-running must put the shipped text back.
        await Sql.ExecuteAsync(database.ConnectionString, "UPDATE OrleansQuery SET QueryText = 'stale' WHERE QueryKey = 'GatewaysQueryKey'");

        foreach (var script in EmbeddedMigrations.All)
            await Sql.ExecuteAsync(database.ConnectionString, script.Sql);

        Assert.Equal(before, await SchemaDump.TakeAsync(database.ConnectionString));
    }

    [Fact]
    public async Task ApplyAsync_applied_migration_with_changed_checksum_is_refused_before_anything_runs()
    {
        await using var database = await BerlinDatabase.CreateAsync("checksum");
        // The database says 0002 was applied from another text: the shipped 0002 was edited after release.
        await Sql.ExecuteAsync(database.ConnectionString, "UPDATE schema_migrations SET checksum = 'edited' WHERE name = '0002_orleans_persistence'");
        var scripts = EmbeddedMigrations.All.Append(MigrationScript.FromText("0099_later", "CREATE TABLE later_table (id int);")).ToList();

        var error = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() =>
            SchemaMigrator.ApplyScriptsAsync(database.ConnectionString, scripts, logger: null, CancellationToken.None));

        Assert.Equal("0002_orleans_persistence", error.Migration);
        Assert.Equal("edited", error.AppliedChecksum);
        Assert.Null(await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT to_regclass('later_table')::text"));
        await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() => SchemaMigrator.ApplyAsync(database.ConnectionString));
    }

    [Fact]
    public async Task ApplyAsync_from_many_tasks_on_fresh_database_applies_each_migration_once()
    {
        await using var database = await BerlinDatabase.CreateAsync("concurrent", migrate: false);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => SchemaMigrator.ApplyAsync(database.ConnectionString))));

        Assert.Equal(AllNames, results.SelectMany(r => r).Order(StringComparer.Ordinal));
        Assert.Equal(AllNames.Length, await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(1, await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'"));
    }

    [Fact]
    public async Task ApplyAsync_failing_migration_rolls_back_with_its_bookkeeping_and_keeps_earlier_ones()
    {
        await using var database = await BerlinDatabase.CreateAsync("failing", migrate: false);
        var broken = MigrationScript.FromText("0100_broken", "CREATE TABLE half_done (id int); SELECT 1 / 0;");

        await Assert.ThrowsAsync<PostgresException>(() =>
            SchemaMigrator.ApplyScriptsAsync(database.ConnectionString, [.. EmbeddedMigrations.All, broken], logger: null, CancellationToken.None));

        Assert.Null(await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT to_regclass('half_done')::text"));
        var recorded = await Sql.RowsAsync(database.ConnectionString, "SELECT name FROM schema_migrations ORDER BY name");
        Assert.Equal(AllNames, recorded.Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task ApplyAsync_records_sha256_checksum_of_each_script()
    {
        var rows = await Sql.RowsAsync(migrated.ConnectionString, "SELECT name, checksum, applied_at FROM schema_migrations ORDER BY name");

        Assert.Equal(EmbeddedMigrations.All.Select(s => (s.Name, s.Checksum)), rows.Select(r => ((string)r[0]!, (string)r[1]!)));
        Assert.All(rows, r => Assert.IsType<DateTime>(r[2]));
    }

    [Fact]
    public async Task Test_databases_run_in_a_non_utc_time_zone() =>
        Assert.Equal(BerlinDatabase.TimeZone, await Sql.ScalarAsync<string>(migrated.ConnectionString, "SHOW timezone"));
}
