using Platform.Schema.Tests.Infrastructure;

namespace Platform.Schema.Tests.Providers;

/// <summary>The OrleansQuery catalogue (contract §1): every key each provider asks for is there, under the unquoted table name.</summary>
public class QueryCatalogueTests(BerlinDatabaseFixture database) : IClassFixture<BerlinDatabaseFixture>
{
    private static readonly string[] ClusteringKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey",
        "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
        "CleanupDefunctSiloEntryKey",
    ];

    private static readonly string[] PersistenceKeys = ["WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    private static readonly string[] ReminderKeys =
    [
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task Catalogue_holds_exactly_the_keys_of_the_three_providers_with_text()
    {
        var rows = await Sql.RowsAsync(database.ConnectionString, "SELECT QueryKey, QueryText FROM OrleansQuery");

        Assert.Equal(ClusteringKeys.Concat(PersistenceKeys).Concat(ReminderKeys).Order(StringComparer.Ordinal),
            rows.Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Contains("@", (string)r[1]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Catalogue_table_has_the_folded_unquoted_name()
    {
        Assert.Equal("orleansquery", await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT to_regclass('OrleansQuery')::text"));
        Assert.Null(await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT to_regclass('\"OrleansQuery\"')::text"));
    }
}
