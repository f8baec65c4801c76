using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;
using Platform.LocalHosting.Postgres;
using Platform.Testing;
using Xunit;

namespace Platform.LocalHosting.Tests.Postgres;

/// <summary>
/// The private cluster is managed idempotently. These tests use a cluster of their own (temporary data
/// folder, free port) so they can stop and restart it without touching the shared test server.
/// </summary>
public sealed class LocalPostgresServerTests : IAsyncLifetime
{
    private readonly PrivatePostgres _postgres = new();
    private LocalPostgresServer _server => _postgres.Server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task Start_twice_initialises_once_and_the_second_start_finds_the_running_server()
    {
        var (firstConnection, firstStarted) = await _server.StartAsync();
        var configuration = Fingerprint(Path.Combine(_server.Options.ClusterDirectory, "postgresql.conf"));
        var password = await File.ReadAllTextAsync(_server.Options.PasswordFile);

        var (secondConnection, secondStarted) = await _server.StartAsync();

        Assert.True(firstStarted);
        Assert.False(secondStarted);
        Assert.Equal(firstConnection, secondConnection);
        Assert.Equal(configuration, Fingerprint(Path.Combine(_server.Options.ClusterDirectory, "postgresql.conf")));
        Assert.Equal(password, await File.ReadAllTextAsync(_server.Options.PasswordFile));
        Assert.Equal("platform_test", await ScalarAsync<string>(secondConnection, "SELECT current_database()"));
    }

    [Fact]
    public async Task Data_survives_a_stop_and_start()
    {
        var (connection, _) = await _server.StartAsync();
        await ScalarAsync<object>(connection, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here'); SELECT 1");

        Assert.True(await _server.StopAsync());
        Assert.False(await _server.IsRunningAsync());
        Assert.False(await _server.StopAsync()); // stopping a stopped server is a no-op
        var (again, started) = await _server.StartAsync();

        Assert.True(started);
        Assert.Equal("still here", await ScalarAsync<string>(again, "SELECT value FROM kept"));
    }

    [Fact]
    public async Task The_server_listens_only_on_loopback_and_requires_the_password()
    {
        var (connection, _) = await _server.StartAsync();

        Assert.Equal("127.0.0.1", await ScalarAsync<string>(connection, "SHOW listen_addresses"));
        var wrongPassword = new NpgsqlConnectionStringBuilder(connection) { Password = "wrong" }.ConnectionString;
        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<int>(wrongPassword, "SELECT 1"));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Theory]
    [InlineData("Bad")]
    [InlineData("x; DROP DATABASE platform")]
    [InlineData("")]
    public async Task Database_names_that_are_not_plain_identifiers_are_refused(string name)
    {
        await _server.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => _server.CreateDatabaseIfMissingAsync(name));
    }

    [Fact]
    public async Task The_foreground_server_takes_over_a_cluster_pg_ctl_left_running_and_keeps_its_data_and_password()
    {
        // What the AppHost's postgres resource does on a start after tests or an older AppHost ran the cluster.
        var (connection, _) = await _server.StartAsync();
        await ScalarAsync<object>(connection, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here'); SELECT 1");
        var password = await File.ReadAllTextAsync(_server.Options.PasswordFile);

        await _server.PrepareForegroundAsync(password);
        Assert.False(await _server.IsRunningAsync());

        var (fileName, arguments) = _server.ForegroundCommand();
        using var foreground = Process.Start(new ProcessStartInfo(fileName, arguments) { RedirectStandardError = true })!;
        try
        {
            Assert.Equal("still here", await EventuallyAsync(() => ScalarAsync<string>(connection, "SELECT value FROM kept")));
            Assert.Equal("127.0.0.1", await ScalarAsync<string>(connection, "SHOW listen_addresses"));
        }
        finally
        {
            foreground.Kill(); // SIGKILL of the postmaster: the next start recovers, as after a crash
            await foreground.WaitForExitAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>Retries while the server is still starting (bounded).</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await read();
            }
            catch (NpgsqlException) when (attempt < 60)
            {
                await Task.Delay(250);
            }
        }
    }

    private static string Fingerprint(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
