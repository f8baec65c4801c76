using Platform.ServiceDefaults.Database;

namespace Platform.Grains.Storage;

/// <summary>
/// Waits out a database outage around one call that must not be lost (a worker's report to the grain that owns the
/// job): retried with backoff while <see cref="DatabaseOutage.IsCause"/> says the database is unreachable, for at most
/// the tolerance; any other error, or the outage past the tolerance, goes to the caller. The call must be idempotent.
/// </summary>
public static class OutageRetry
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1), Max = TimeSpan.FromSeconds(15);

    /// <summary>Runs <paramref name="call"/> until it succeeds; returns how many tries it took (1: no outage).</summary>
    /// <param name="call">The idempotent call.</param>
    /// <param name="tolerance">How long an outage is waited out, from the first try.</param>
    /// <param name="clock">The silo's clock (tests move it).</param>
    /// <param name="waiting">Told each wait and the error that caused it, for a log line.</param>
    public static async Task<int> RunAsync(Func<Task> call, TimeSpan tolerance, TimeProvider clock, Action<TimeSpan, Exception> waiting)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(clock);
        var since = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return attempt;
            }
            catch (Exception exception) when (DatabaseOutage.IsCause(exception) && clock.GetUtcNow() - since < tolerance)
            {
                var delay = DatabaseOutage.RetryDelay(attempt, First, Max);
                waiting(delay, exception);
                await Task.Delay(delay, clock);
            }
        }
    }
}
