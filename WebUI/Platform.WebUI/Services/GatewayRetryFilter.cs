namespace Platform.WebUI.Services;

/// <summary>
/// Keeps trying to reach a silo gateway instead of failing start-up: the WebUI may start before any silo
/// (or while the cluster restarts) and should serve pages as soon as one is up.
/// </summary>
public sealed partial class GatewayRetryFilter(ILogger<GatewayRetryFilter> logger) : IClientConnectionRetryFilter
{
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        _attempt++;
        LogRetry(logger, _attempt, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, _attempt)), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo gateway reachable yet (attempt {Attempt}): {Reason}; retrying")]
    private static partial void LogRetry(ILogger logger, int attempt, string reason);
}
