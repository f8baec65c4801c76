using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.ServiceDefaults.Database;

/// <summary>
/// The one watcher of whether this service reaches PostgreSQL: it probes (<c>SELECT 1</c>) every few seconds, and
/// while the database is down retries with exponential backoff. The health endpoint, the browser's outage banner and
/// the log lines all read its <see cref="Current"/> state; nothing else probes. Work that needs the database fails with
/// its own error meanwhile and is retried by its owner (the scheduler's reconcile loop, Orleans' reminders, a user).
/// When the state changes, it empties the connection pools, so that no dead connection is handed out after a recovery.
/// </summary>
public sealed partial class DatabaseAvailability(
    NpgsqlDataSource database, IOptions<DatabaseAvailabilityOptions> options, TimeProvider time, ILogger<DatabaseAvailability> logger) : BackgroundService
{
    private readonly DatabaseAvailabilityOptions _options = options.Value;
    private DatabaseStatus _current = DatabaseStatus.Unknown(time.GetUtcNow());

    /// <summary>The state the last probe saw.</summary>
    public DatabaseStatus Current => Volatile.Read(ref _current);

    /// <summary>Raised when the database becomes unreachable or reachable again (not on every probe).</summary>
    public event Action<DatabaseStatus>? Changed;

    /// <summary>Probes once now and records the outcome: the loop's step, and a way for a caller to ask again at once.</summary>
    public async Task<DatabaseStatus> ProbeAsync(CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ProbeTimeout);
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"no answer within {_options.ProbeTimeout.TotalSeconds:0.#} s";
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            error = e.Message;
        }

        return Record(error);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var status = await ProbeAsync(stoppingToken);
            var delay = status.Reachable ? _options.ProbeInterval : RetryDelay(status.FailedProbes);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>1 s, 2 s, 4 s … up to the maximum: a database that is down is not hammered, one that returns is seen soon.</summary>
    public TimeSpan RetryDelay(int failedProbes) => DatabaseOutage.RetryDelay(failedProbes, _options.FirstRetryDelay, _options.MaxRetryDelay);

    private DatabaseStatus Record(string? error)
    {
        var now = time.GetUtcNow();
        var previous = Current;
        DatabaseStatus next;
        if (error is null)
        {
            next = previous.Reachable ? previous : new DatabaseStatus(true, now, null, 0);
            if (!previous.Reachable)
                LogReachableAgain(logger, now - previous.Since, previous.FailedProbes);
        }
        else
        {
            next = previous.Reachable ? new DatabaseStatus(false, now, error, 1) : previous with { Error = error, FailedProbes = previous.FailedProbes + 1 };
            if (previous.Reachable)
                LogUnreachable(logger, error);
        }

        Volatile.Write(ref _current, next);
        if (previous.Reachable != next.Reachable)
        {
            // Pooled connections opened before the outage are dead sockets: each would fail its next command with
            // "terminating connection due to unexpected postmaster exit" even after the database is back. Dropping
            // the idle ones on both edges means work after the recovery gets fresh connections. ClearAllPools reaches
            // the pools Orleans' ADO.NET providers open by connection string; Clear this service's data source.
            database.Clear();
            NpgsqlConnection.ClearAllPools();
            Changed?.Invoke(next);
        }
        return next;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Error, Message = "PostgreSQL is unreachable: {Error}. Work that needs it fails until it returns; probing again with backoff.")]
    private static partial void LogUnreachable(ILogger logger, string error);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "PostgreSQL is reachable again after {Outage} ({FailedProbes} failed probes).")]
    private static partial void LogReachableAgain(ILogger logger, TimeSpan outage, int failedProbes);
}
