using Platform.Schema.Tests.Infrastructure;

namespace Platform.Schema.Tests.Providers.Clustering;

/// <summary>
/// The membership queries driven through Orleans' own AdoNetClusteringTable (contract §7, items 2 to 6):
/// the version row, conditional inserts and updates, heartbeats, and the shapes of the reads.
/// </summary>
public class MembershipTableTests(BerlinDatabaseFixture database) : IClassFixture<BerlinDatabaseFixture>
{
    [Fact]
    public async Task InsertMembershipVersionKey_returns_true_when_it_creates_the_row_then_false()
    {
        var clusterId = ClusteringProviders.NewClusterId();

        var first = await StoredQuery.RunAsync(database.ConnectionString, "InsertMembershipVersionKey", StoredQuery.Text("DeploymentId", clusterId));
        var second = await StoredQuery.RunAsync(database.ConnectionString, "InsertMembershipVersionKey", StoredQuery.Text("DeploymentId", clusterId));

        Assert.Equal(true, Assert.Single(Assert.Single(first)));
        Assert.Equal(false, Assert.Single(Assert.Single(second)));
        Assert.Equal(0, await Sql.ScalarAsync<int>(database.ConnectionString, "SELECT version FROM orleans_membership_version WHERE deployment_id = @id", ("id", clusterId)));
    }

    [Fact]
    public async Task Fresh_table_reads_version_zero_without_members_and_initialising_again_is_harmless()
    {
        var clusterId = ClusteringProviders.NewClusterId();
        var table = await ClusteringProviders.TableAsync(database.ConnectionString, clusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var all = await table.ReadAllAsync();
        var unknown = await table.ReadRowAsync(Silos.Entry(SiloStatus.Active, 11111).SiloAddress);

        Assert.Equal(0, all.Version.Version);
        Assert.Empty(all.Members);
        Assert.Equal(0, unknown.Version.Version); // the left-join row: a version, but no entry
        Assert.Empty(unknown.Members);
    }

    [Fact]
    public async Task InsertRow_succeeds_only_with_current_version_and_only_for_a_new_silo()
    {
        var table = await ClusteringProviders.TableAsync(database.ConnectionString, ClusteringProviders.NewClusterId());
        var first = Silos.Entry(SiloStatus.Joining, 11111, proxyPort: 30000);
        var second = Silos.Entry(SiloStatus.Joining, 11112, proxyPort: 30001);
        var v0 = (await table.ReadAllAsync()).Version;

        Assert.True(await table.InsertRowAsync(first, v0.Next()));
        Assert.False(await table.InsertRowAsync(second, v0.Next()));   // stale: the version is 1 now
        var v1 = (await table.ReadAllAsync()).Version;
        Assert.False(await table.InsertRowAsync(first, v1.Next()));    // duplicate silo, current version
        var after = await table.ReadAllAsync();

        Assert.Equal(1, v1.Version);
        Assert.Equal(1, after.Version.Version);                   // the failed duplicate changed nothing
        var (entry, etag) = Assert.Single(after.Members);
        Assert.Equal(first.SiloAddress, entry.SiloAddress);
        Assert.Equal("1", etag);                                  // a row's etag is the table version
    }

    [Fact]
    public async Task UpdateRow_succeeds_with_current_etag_fails_when_stale_or_missing_without_changing_version()
    {
        var table = await ClusteringProviders.TableAsync(database.ConnectionString, ClusteringProviders.NewClusterId());
        var silo = Silos.Entry(SiloStatus.Joining, 11111, proxyPort: 30000);
        await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next());
        var read = await table.ReadRowAsync(silo.SiloAddress);
        var (entry, etag) = Assert.Single(read.Members);

        entry.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(entry, etag, read.Version.Next()));
        entry.Status = SiloStatus.ShuttingDown;
        Assert.False(await table.UpdateRowAsync(entry, etag, read.Version.Next()));   // stale: version moved to 2
        var current = (await table.ReadAllAsync()).Version;
        var missing = Silos.Entry(SiloStatus.Active, 11112);
        Assert.False(await table.UpdateRowAsync(missing, current.VersionEtag, current.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(2, after.Version.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(after.Members).Item1.Status);
    }

    [Fact]
    public async Task ReadRow_round_trips_every_column_in_utc()
    {
        var table = await ClusteringProviders.TableAsync(database.ConnectionString, ClusteringProviders.NewClusterId());
        var silo = Silos.Entry(SiloStatus.Joining, 11111, proxyPort: 30000);
        await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next());
        var voter = Silos.Entry(SiloStatus.Active, 11112).SiloAddress;
        var (inserted, etag) = Assert.Single((await table.ReadRowAsync(silo.SiloAddress)).Members);
        inserted.Status = SiloStatus.Active;
        inserted.AddOrUpdateSuspector(voter, Silos.BaseTime.AddMinutes(5), 10);
        await table.UpdateRowAsync(inserted, etag, (await table.ReadAllAsync()).Version.Next());

        var (read, _) = Assert.Single((await table.ReadRowAsync(silo.SiloAddress)).Members);

        Assert.Equal(silo.SiloAddress, read.SiloAddress);
        Assert.Equal(SiloStatus.Active, read.Status);
        Assert.Equal(30000, read.ProxyPort);
        Assert.Equal("host-11111", read.HostName);
        Assert.Equal("silo-11111", read.SiloName);
        Assert.Equal(Silos.Microseconds(silo.StartTime), read.StartTime);
        Assert.Equal(DateTimeKind.Utc, read.StartTime.Kind);
        Assert.Equal(Silos.Microseconds(silo.IAmAliveTime), read.IAmAliveTime);
        var (suspector, votedAt) = Assert.Single(read.SuspectTimes ?? []);
        Assert.Equal(voter, suspector);
        Assert.Equal(Silos.BaseTime.AddMinutes(5), votedAt, TimeSpan.FromMilliseconds(1)); // Orleans writes votes to the millisecond
    }

    [Fact]
    public async Task UpdateIAmAlive_stores_time_in_utc_never_moves_it_back_and_keeps_the_version()
    {
        var table = await ClusteringProviders.TableAsync(database.ConnectionString, ClusteringProviders.NewClusterId());
        var silo = Silos.Entry(SiloStatus.Active, 11111);
        await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next());
        var later = Silos.BaseTime.AddHours(2).AddTicks(4_321); // across Berlin's DST switch: a local-time column would be off by an hour

        silo.IAmAliveTime = later;
        await table.UpdateIAmAliveAsync(silo);
        silo.IAmAliveTime = Silos.BaseTime.AddHours(1);          // a delayed, older heartbeat
        await table.UpdateIAmAliveAsync(silo);
        var read = await table.ReadRowAsync(silo.SiloAddress);

        Assert.Equal(1, read.Version.Version);
        var entry = Assert.Single(read.Members).Item1;
        Assert.Equal(Silos.Microseconds(later), entry.IAmAliveTime);
        Assert.Equal(DateTimeKind.Utc, entry.IAmAliveTime.Kind);
    }

    [Fact]
    public async Task DeleteMembershipTableEntries_removes_silos_and_version_until_initialised_again()
    {
        var clusterId = ClusteringProviders.NewClusterId();
        var table = await ClusteringProviders.TableAsync(database.ConnectionString, clusterId);
        await table.InsertRowAsync(Silos.Entry(SiloStatus.Active, 11111), (await table.ReadAllAsync()).Version.Next());

        await table.DeleteMembershipTableEntriesAsync(clusterId);

        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() => table.ReadAllAsync());
        Assert.Equal(0, await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM orleans_membership_silo WHERE deployment_id = @id", ("id", clusterId)));
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        var fresh = await table.ReadAllAsync();
        Assert.Equal(0, fresh.Version.Version);
        Assert.Empty(fresh.Members);
    }

    [Fact]
    public async Task Gateways_lists_only_active_silos_with_a_proxy_port()
    {
        var clusterId = ClusteringProviders.NewClusterId();
        var table = await ClusteringProviders.TableAsync(database.ConnectionString, clusterId);
        var gateway = Silos.Entry(SiloStatus.Active, 11111, proxyPort: 30000);
        MembershipEntry[] others =
        [
            Silos.Entry(SiloStatus.Active, 11112, proxyPort: 0),
            Silos.Entry(SiloStatus.Joining, 11113, proxyPort: 30002),
            Silos.Entry(SiloStatus.Dead, 11114, proxyPort: 30003),
            Silos.Entry(SiloStatus.ShuttingDown, 11115, proxyPort: 30004),
        ];
        foreach (var silo in others.Prepend(gateway))
            Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));

        var gateways = await (await ClusteringProviders.GatewaysAsync(database.ConnectionString, clusterId)).GetGatewaysAsync();

        var uri = Assert.Single(gateways);
        Assert.Equal($"gwy.tcp://127.0.0.1:30000/{gateway.SiloAddress.Generation}", uri.ToString());
    }
}
