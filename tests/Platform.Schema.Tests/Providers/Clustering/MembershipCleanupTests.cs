using Orleans.Runtime.MembershipService;
using Platform.Schema.Tests.Infrastructure;

namespace Platform.Schema.Tests.Providers.Clustering;

/// <summary>
/// Cleanup of defunct silos (contract §4 and §7 item 8), through AdoNetClusteringTable.CleanupDefunctSiloEntriesAsync,
/// both with the per-row key (the provider picks rows and compare-and-deletes each) and without it (one bulk query).
/// The provider's choice depends on which keys the catalogue holds, so the test without the per-row key gets a
/// database of its own; the others share one and keep apart by deployment id.
/// </summary>
public class MembershipCleanupTests(BerlinDatabaseFixture shared) : IClassFixture<BerlinDatabaseFixture>
{
    private static readonly DateTime Cutoff = Silos.BaseTime.AddDays(7);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cleanup_removes_only_dead_silos_older_than_cutoff_and_keeps_version(bool perRowKey)
    {
        await using var own = perRowKey ? null : await BerlinDatabase.CreateAsync("bulkcleanup");
        if (own is not null)
            await Sql.ExecuteAsync(own.ConnectionString, "DELETE FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'");
        var table = await ClusteringProviders.TableAsync(own?.ConnectionString ?? shared.ConnectionString, ClusteringProviders.NewClusterId());

        await AddAsync(table, Silos.Entry(SiloStatus.Dead, 11111));                                        // old and dead: goes
        await AddAsync(table, Silos.Entry(SiloStatus.Dead, 11112), voteAt: Silos.BaseTime.AddSeconds(2)); // its votes are old too: goes
        var oldDeadRecentVote = await AddAsync(table, Silos.Entry(SiloStatus.Dead, 11113), voteAt: Cutoff.AddMinutes(1));
        var oldActive = await AddAsync(table, Silos.Entry(SiloStatus.Active, 11114));
        var oldJoining = await AddAsync(table, Silos.Entry(SiloStatus.Joining, 11115));
        var recentDead = await AddAsync(table, Silos.Entry(SiloStatus.Dead, 11116, aliveTime: Cutoff.AddMinutes(1)));
        var versionBefore = (await table.ReadAllAsync()).Version.Version;

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Cutoff));

        var after = await table.ReadAllAsync();
        Assert.Equal(versionBefore, after.Version.Version);
        Assert.Equal(
            new[] { oldDeadRecentVote, oldActive, oldJoining, recentDead }.Select(s => s.ToString()).Order(),
            after.Members.Select(m => m.Item1.SiloAddress.ToString()).Order());
    }

    [Fact]
    public async Task CleanupDefunctSiloEntryKey_deletes_only_a_row_unchanged_since_it_was_read()
    {
        var clusterId = ClusteringProviders.NewClusterId();
        var table = await ClusteringProviders.TableAsync(shared.ConnectionString, clusterId);
        var entry = Silos.Entry(SiloStatus.Dead, 11111);
        var silo = await AddAsync(table, entry);
        var before = await table.ReadAllAsync();
        var (read, _) = Assert.Single(before.Members);

        // The provider read the row, then the silo's heartbeat moved on: the stale values must not delete it.
        var stale = await DeleteRowAsync(shared.ConnectionString, clusterId, silo, read.StartTime, read.IAmAliveTime.AddTicks(-10), suspectTimes: null);
        // Current values; '' stands for the NULL suspect times it read.
        var current = await DeleteRowAsync(shared.ConnectionString, clusterId, silo, read.StartTime, read.IAmAliveTime, suspectTimes: "");

        Assert.Equal(0, stale);
        Assert.Equal(1, current);
        Assert.Equal(before.Version.Version, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task CleanupDefunctSiloEntriesKey_keeps_a_dead_silo_whose_votes_it_cannot_read()
    {
        var clusterId = ClusteringProviders.NewClusterId();
        var table = await ClusteringProviders.TableAsync(shared.ConnectionString, clusterId);
        await AddAsync(table, Silos.Entry(SiloStatus.Dead, 11111));
        await Sql.ExecuteAsync(shared.ConnectionString, "UPDATE orleans_membership_silo SET suspect_times = 'not a vote' WHERE deployment_id = @id", ("id", clusterId));

        await StoredQuery.RunAsync(shared.ConnectionString, "CleanupDefunctSiloEntriesKey",
            StoredQuery.Text("DeploymentId", clusterId), StoredQuery.Time("IAmAliveTime", Cutoff));

        Assert.Equal(1, await Sql.ScalarAsync<long>(shared.ConnectionString, "SELECT count(*) FROM orleans_membership_silo WHERE deployment_id = @id", ("id", clusterId)));
    }

    /// <summary>Inserts the silo as the provider does (inserts carry no status change or votes), then moves it to its status with an update.</summary>
    private static async Task<SiloAddress> AddAsync(AdoNetClusteringTable table, MembershipEntry entry, DateTime? voteAt = null)
    {
        var status = entry.Status;
        entry.Status = SiloStatus.Active;
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        if (status != SiloStatus.Active || voteAt is not null)
        {
            entry.Status = status;
            if (voteAt is { } at)
                entry.AddOrUpdateSuspector(Silos.Entry(SiloStatus.Active, 12000).SiloAddress, at, 10);
            var data = await table.ReadAllAsync();
            Assert.True(await table.UpdateRowAsync(entry, data.Version.VersionEtag, data.Version.Next()));
        }

        return entry.SiloAddress;
    }

    private static async Task<int> DeleteRowAsync(string connectionString, string clusterId, SiloAddress silo, DateTime startTime, DateTime aliveTime, string? suspectTimes)
    {
        await StoredQuery.RunAsync(connectionString, "CleanupDefunctSiloEntryKey",
            StoredQuery.Text("DeploymentId", clusterId),
            StoredQuery.Text("Address", silo.Endpoint.Address.ToString()),
            StoredQuery.Int("Port", silo.Endpoint.Port),
            StoredQuery.Int("Generation", silo.Generation),
            StoredQuery.Time("StartTime", startTime),
            StoredQuery.Time("IAmAliveTime", aliveTime),
            StoredQuery.Text("SuspectTimes", suspectTimes));
        var remaining = await Sql.ScalarAsync<long>(connectionString, "SELECT count(*) FROM orleans_membership_silo WHERE deployment_id = @id", ("id", clusterId));
        return remaining == 0 ? 1 : 0;
    }
}
