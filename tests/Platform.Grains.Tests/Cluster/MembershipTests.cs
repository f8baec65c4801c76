using System.Collections.Concurrent;
using Npgsql;
using Platform.Grains.Tests.Hosting;
using Platform.Testing;
using Xunit.Abstractions;
using Xunit;

namespace Platform.Grains.Tests.Cluster;

/// <summary>Two real silo processes form one cluster through the PostgreSQL membership table; a killed one is declared dead.</summary>
public sealed class MembershipTests(MigratedDatabaseFixture database, ITestOutputHelper output) : IClassFixture<MigratedDatabaseFixture>
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task Two_silos_join_one_cluster_and_a_killed_one_is_declared_dead_by_the_other()
    {
        var log = new ConcurrentQueue<string>();
        var clusterId = $"m{Guid.NewGuid():N}"[..12];
        var portsA = SiloProcess.FreePortSet();
        var portsB = SiloProcess.FreePortSet();
        await using var siloA = SiloProcess.Create("silo-a", database.ConnectionString, clusterId, portsA, log.Enqueue, TestIdentity.SiloKeys, SiloProcess.WithFastMembership(new Dictionary<string, string>()));
        await using var siloB = SiloProcess.Create("silo-b", database.ConnectionString, clusterId, portsB, log.Enqueue, TestIdentity.SiloKeys, SiloProcess.WithFastMembership(new Dictionary<string, string>()));

        try
        {
            siloA.Start();
            siloB.Start();
            await siloA.WaitHealthyAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
            await siloB.WaitHealthyAsync(TimeSpan.FromMinutes(2), CancellationToken.None);

            var members = await MembersAsync(clusterId);
            Assert.Equal(Active, members[portsA.Silo]);
            Assert.Equal(Active, members[portsB.Silo]);

            await siloB.KillAsync();

            var deadline = DateTime.UtcNow.AddSeconds(90);
            while ((await MembersAsync(clusterId))[portsB.Silo] != Dead)
            {
                Assert.True(DateTime.UtcNow < deadline, "The killed silo was not declared dead within 90 s.");
                await Task.Delay(500);
            }

            members = await MembersAsync(clusterId);
            Assert.Equal(Active, members[portsA.Silo]);
            Assert.False(siloA.HasExited, "The surviving silo stopped.");
        }
        finally
        {
            foreach (var line in log)
                output.WriteLine(line);
        }
    }

    /// <summary>Status of each silo of the cluster by its silo port, read straight from the membership table.</summary>
    private async Task<Dictionary<int, int>> MembersAsync(string clusterId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT port, status FROM orleans_membership_silo WHERE deployment_id = @cluster", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<int, int>();
        while (await reader.ReadAsync())
            result[reader.GetInt32(0)] = reader.GetInt32(1);
        return result;
    }
}
