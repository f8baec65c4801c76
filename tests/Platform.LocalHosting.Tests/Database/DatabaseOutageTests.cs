using System.Net.Sockets;
using Npgsql;
using Platform.ServiceDefaults.Database;
using Xunit;

namespace Platform.LocalHosting.Tests.Database;

/// <summary>What the platform waits out (the database unreachable) and what it reports at once (everything else).</summary>
public sealed class DatabaseOutageTests
{
    public static TheoryData<string, bool> SqlStates => new()
    {
        { "57P01", true },  // terminating connection: the server shuts down or its postmaster died
        { "57P02", true },  // crash shutdown
        { "57P03", true },  // the database system is starting up
        { "08006", true },  // connection failure
        { "23505", false }, // unique violation: a real conflict, never retried
        { "42P01", false }, // undefined table: a bug
        { "28P01", false }, // wrong password: a configuration error, not an outage
    };

    [Theory]
    [MemberData(nameof(SqlStates))]
    public void A_server_error_is_an_outage_only_when_it_says_the_server_cannot_be_reached(string sqlState, bool outage) =>
        Assert.Equal(outage, DatabaseOutage.IsCause(new PostgresException("message", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void An_outage_is_found_inside_the_exceptions_that_carry_it()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        var storage = new InvalidOperationException("Error from storage provider during WriteStateAsync", refused);

        Assert.True(DatabaseOutage.IsCause(storage));
        Assert.True(DatabaseOutage.IsCause(new AggregateException(new ArgumentException("other"), storage)));
        Assert.False(DatabaseOutage.IsCause(new InvalidOperationException("Run is Completed; epochs are recorded only while it runs.")));
        Assert.False(DatabaseOutage.IsCause(null));
    }

    [Fact]
    public void Retries_double_from_the_first_delay_up_to_the_maximum() =>
        Assert.Equal([1, 2, 4, 8, 15, 15, 15],
            Enumerable.Range(1, 7).Select(n => DatabaseOutage.RetryDelay(n, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15)).TotalSeconds));
}
