using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Services;

/// <summary>
/// Follows one run live for one page of a circuit. It registers an observer with the cluster client, subscribes it to
/// the run with the signed-in user's credential (so the silo checks the user may see the run), renews the subscription
/// before it lapses, and re-reads the run every <see cref="PollInterval"/> as a safety net: pushes are lost while a
/// silo restarts and the run grain's subscriber list with it. Everything arrives as C# events, raised on cluster
/// threads: handlers marshal to their renderer with <c>InvokeAsync</c>.
/// </summary>
public sealed partial class RunProgressFeed(IClusterClient cluster, WebCaller caller, TimeProvider clock, ILogger<RunProgressFeed> logger) : IAsyncDisposable
{
    public static TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Half the subscription's lifetime: a renewal that fails (a silo restarting) leaves time for the next one.</summary>
    public static TimeSpan RenewalInterval { get; } = RunProgressSubscriptions.Lifetime / 2;

    private Forwarder? _forwarder;
    private IRunProgressObserver? _reference;
    private ITrainingRunGrain? _run;
    private string? _userId;
    private DateTimeOffset? _subscribedAt;
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;

    /// <summary>An epoch pushed by the run.</summary>
    public event Action<EpochMetrics>? EpochRecorded;

    /// <summary>A state change pushed by the run, with its reason.</summary>
    public event Action<RunState, string?>? StateChanged;

    /// <summary>Where the training is within its epoch, pushed by the run every few seconds.</summary>
    public event Action<RunIterations>? IterationsReported;

    /// <summary>The run as re-read by the safety-net poll.</summary>
    public event Action<RunSnapshot>? SnapshotRefreshed;

    /// <summary>A poll or renewal failed (the cluster did not answer); the feed keeps trying.</summary>
    public event Action<Exception>? RefreshFailed;

    /// <summary>The grain key of the run followed; null before <see cref="FollowAsync"/>.</summary>
    public string? RunKey { get; private set; }

    /// <summary>When the subscription was last made or renewed; null while it is not in place.</summary>
    public DateTimeOffset? SubscribedAt => _subscribedAt;

    /// <summary>
    /// Starts following a run for <paramref name="userId"/> (the circuit's signed-in user), stopping whatever this feed
    /// followed before. A failed first subscription is not fatal: the poll runs anyway and retries it.
    /// </summary>
    public async Task FollowAsync(string labId, string project, string runId, string? userId)
    {
        await StopAsync();
        RunKey = GrainKeys.Run(labId, project, runId);
        _userId = userId;
        _run = cluster.GetGrain<ITrainingRunGrain>(RunKey);
        // The cluster client holds observers weakly: the forwarder lives as long as this feed holds it.
        _forwarder = new Forwarder(this, RunKey);
        _reference = cluster.CreateObjectReference<IRunProgressObserver>(_forwarder);
        await TrySubscribeAsync();
        _stop = new CancellationTokenSource();
        _loop = LoopAsync(_stop.Token);
    }

    /// <summary>
    /// One beat of the safety net: renews the subscription when due, then re-reads the run. The loop calls it every
    /// <see cref="PollInterval"/>; it signs its calls itself because it runs outside any circuit activity.
    /// </summary>
    public async Task TickAsync()
    {
        if (_run is null)
            return;
        if (_subscribedAt is not { } at || clock.GetUtcNow() - at >= RenewalInterval)
            await TrySubscribeAsync();
        try
        {
            caller.AttachCredential(_userId);
            if (await _run.GetAsync() is { } snapshot)
                SnapshotRefreshed?.Invoke(snapshot);
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            RefreshFailed?.Invoke(e);
        }
    }

    private async Task TrySubscribeAsync()
    {
        try
        {
            caller.AttachCredential(_userId);
            await _run!.SubscribeAsync(_reference!);
            _subscribedAt = clock.GetUtcNow();
        }
        catch (Exception e) when (GrainErrors.IsReportable(e))
        {
            // The poll keeps the page current meanwhile; the next tick tries again.
            _subscribedAt = null;
            LogSubscribeFailed(logger, RunKey, e.Message);
            RefreshFailed?.Invoke(e);
        }
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(PollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                await TickAsync();
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    /// <summary>Stops polling, unsubscribes (with the user's credential) and releases the observer.</summary>
    public async Task StopAsync()
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
            _stop = null;
        }

        if (_run is not null && _reference is not null)
        {
            try
            {
                caller.AttachCredential(_userId);
                await _run.UnsubscribeAsync(_reference);
            }
            catch (Exception e) when (GrainErrors.IsReportable(e))
            {
                // The subscription lapses by itself within its lifetime.
                LogUnsubscribeFailed(logger, RunKey, e.Message);
            }

            cluster.DeleteObjectReference<IRunProgressObserver>(_reference);
        }

        _run = null;
        _reference = null;
        _forwarder = null;
        _subscribedAt = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The object the silo calls; it passes on only what concerns the followed run.</summary>
    private sealed class Forwarder(RunProgressFeed feed, string runKey) : IRunProgressObserver
    {
        public void EpochRecorded(string key, EpochMetrics metrics)
        {
            if (key == runKey)
                feed.EpochRecorded?.Invoke(metrics);
        }

        public void StateChanged(string key, RunState state, string? reason)
        {
            if (key == runKey)
                feed.StateChanged?.Invoke(state, reason);
        }

        public void IterationsReported(string key, RunIterations iterations)
        {
            if (key == runKey)
                feed.IterationsReported?.Invoke(iterations);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to run {RunKey}'s progress: {Error}; polling meanwhile.")]
    private static partial void LogSubscribeFailed(ILogger logger, string? runKey, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not unsubscribe from run {RunKey}'s progress: {Error}; the subscription lapses by itself.")]
    private static partial void LogUnsubscribeFailed(ILogger logger, string? runKey, string error);
}
