using Npgsql;
using Platform.Schema.Tests.Infrastructure;
using Platform.Schema.Tests.Providers.Clustering;

namespace Platform.Schema.Tests.Providers;

/// <summary>
/// Nothing in the migrations names a schema, so an operator can keep Orleans' tables in a schema of their own by
/// setting the connection's search path (contract §6 leaves this unverified; this proves it for our SQL).
/// </summary>
public class DedicatedSchemaTests
{
    [Fact]
    public async Task Migrations_and_providers_work_in_a_schema_chosen_by_search_path()
    {
        await using var database = await BerlinDatabase.CreateAsync("searchpath", migrate: false);
        await Sql.ExecuteAsync(database.ConnectionString, "CREATE SCHEMA orleans");
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = "orleans" }.ConnectionString;

        await SchemaMigrator.ApplyAsync(connectionString);
        var table = await ClusteringProviders.TableAsync(connectionString, ClusteringProviders.NewClusterId());
        var inserted = await table.InsertRowAsync(Silos.Entry(SiloStatus.Active, 11111), (await table.ReadAllAsync()).Version.Next());

        Assert.True(inserted);
        Assert.Equal("orleans", await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT schemaname::text FROM pg_tables WHERE tablename = 'orleansquery'"));
        Assert.Equal(0, await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }
}
