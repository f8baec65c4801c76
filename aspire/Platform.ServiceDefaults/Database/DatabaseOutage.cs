using System.Net.Sockets;
using Npgsql;

namespace Platform.ServiceDefaults.Database;

/// <summary>
/// Tells a database outage (the server down, restarting or unreachable, a connection cut) from every other failure,
/// and how long to wait before trying again: the one rule for what the platform waits out rather than reports.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>
    /// Whether the exception, or any exception inside it, says the database could not be reached: a connection
    /// failure (SQLSTATE class 08), the server shutting down or starting (57P01 to 57P03), a socket error, or what
    /// Npgsql itself marks transient. Refusals, constraint violations and bugs are not outages.
    /// </summary>
    public static bool IsCause(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                                     || postgres.SqlState is "57P01" or "57P02" or "57P03"
                                                     || postgres.IsTransient:
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsCause):
                    return true;
            }
        }

        return false;
    }

    /// <summary>The wait before retry <paramref name="attempt"/> (1, 2, …): <paramref name="first"/> doubled each time, at most <paramref name="max"/>.</summary>
    public static TimeSpan RetryDelay(int attempt, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 16));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, max.Ticks));
    }
}
