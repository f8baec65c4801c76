using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.ServiceDefaults.Database;
using Platform.Testing;
using Xunit;

namespace Platform.LocalHosting.Tests.Database;

/// <summary>
/// The database watcher against a real PostgreSQL of its own that is killed with SIGKILL (postmaster and backends, as
/// an out-of-memory kill or a lost machine would) and started again: the outage is seen, reported by the health
/// check and announced once, and the recovery likewise, with what was committed before the kill still there.
/// </summary>
public sealed class DatabaseAvailabilityTests : IAsyncLifetime
{
    private readonly PrivatePostgres _postgres = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task A_killed_database_is_reported_unreachable_and_reachable_again_once_restarted_with_its_data()
    {
        var (connectionString, _) = await _postgres.Server.StartAsync();
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using (var create = database.CreateCommand("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('committed before the kill')"))
            await create.ExecuteNonQueryAsync();
        var availability = Availability(database);
        var health = new DatabaseHealthCheck(availability);
        var changes = new List<DatabaseStatus>();
        availability.Changed += changes.Add;

        Assert.True((await availability.ProbeAsync(CancellationToken.None)).Reachable);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        _postgres.Kill();
        var down = await availability.ProbeAsync(CancellationToken.None);
        var again = await availability.ProbeAsync(CancellationToken.None);

        Assert.False(down.Reachable);
        Assert.False(string.IsNullOrWhiteSpace(down.Error));
        Assert.Equal((1, 2), (down.FailedProbes, again.FailedProbes));
        Assert.Equal(down.Since, again.Since); // the outage began at the first failed probe
        var report = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.StartsWith("PostgreSQL unreachable since", report.Description, StringComparison.Ordinal);
        Assert.Contains("(2 failed probes)", report.Description, StringComparison.Ordinal);

        var (_, restarted) = await _postgres.Server.StartAsync(); // crash recovery replays the WAL
        Assert.True(restarted);
        var back = await availability.ProbeAsync(CancellationToken.None);

        Assert.True(back.Reachable);
        Assert.Equal(0, back.FailedProbes);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal([false, true], changes.Select(c => c.Reachable)); // announced once each way, not per probe
        await using var read = database.CreateCommand("SELECT value FROM kept");
        Assert.Equal("committed before the kill", await read.ExecuteScalarAsync());
    }

    [Fact]
    public void Retries_back_off_exponentially_up_to_the_maximum()
    {
        using var database = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody");
        var availability = Availability(database);

        // The monitor's own options feed the one backoff rule (DatabaseOutage.RetryDelay).
        Assert.Equal([1, 2, 4, 8, 15, 15], Enumerable.Range(1, 6).Select(n => availability.RetryDelay(n).TotalSeconds));
    }

    [Fact]
    public async Task A_database_that_never_answers_is_unreachable_with_the_reason()
    {
        await using var database = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={FreePorts.Next()};Username=nobody;Timeout=2");
        var availability = Availability(database);

        var status = await availability.ProbeAsync(CancellationToken.None);

        Assert.False(status.Reachable);
        Assert.Contains("127.0.0.1", status.Error, StringComparison.Ordinal);
    }

    private static DatabaseAvailability Availability(NpgsqlDataSource database) => new(database,
        Options.Create(new DatabaseAvailabilityOptions { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(15) }),
        TimeProvider.System, NullLogger<DatabaseAvailability>.Instance);
}
