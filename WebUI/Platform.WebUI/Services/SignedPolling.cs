namespace Platform.WebUI.Services;

/// <summary>What one tick of a <see cref="SignedPolling"/> says should happen next.</summary>
public enum PollOutcome
{
    KeepPolling,
    Stop,
}

/// <summary>
/// Re-reads what a page shows at a fixed interval while something is in progress (a scan, a sweep, the queue).
/// Each tick runs on the page's dispatcher and is signed afresh as the signed-in user: the loop runs outside any
/// circuit activity, so nothing else attaches a credential for it, and user tokens are short-lived. One poll runs at a
/// time; a page may start another after one stopped (done or failed), and none after it disposed this.
/// </summary>
public sealed class SignedPolling(WebCaller caller, TimeProvider clock) : IAsyncDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>True while a poll is running.</summary>
    public bool IsPolling => !_loop.IsCompleted;

    /// <summary>Completes when the current poll stops: its tick said so, its error handler said so, or the page was left.</summary>
    public Task Stopped => _loop;

    /// <summary>
    /// Starts polling unless a poll is already running. Every <paramref name="interval"/>, on the page's dispatcher
    /// (<paramref name="dispatch"/>, the component's <c>InvokeAsync</c>): attaches <paramref name="userId"/>'s credential,
    /// runs <paramref name="tick"/>, hands a failure the page should report to <paramref name="onError"/>, then
    /// <paramref name="render"/>s. Either callback's <see cref="PollOutcome.Stop"/> ends the poll.
    /// </summary>
    public void Start(
        TimeSpan interval,
        string? userId,
        Func<Func<Task>, Task> dispatch,
        Action render,
        Func<Task<PollOutcome>> tick,
        Func<Exception, PollOutcome> onError)
    {
        if (IsPolling || _disposed.IsCancellationRequested)
            return;
        _loop = LoopAsync(interval, userId, dispatch, render, tick, onError, _disposed.Token);
    }

    private async Task LoopAsync(
        TimeSpan interval,
        string? userId,
        Func<Func<Task>, Task> dispatch,
        Action render,
        Func<Task<PollOutcome>> tick,
        Func<Exception, PollOutcome> onError,
        CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            var outcome = PollOutcome.KeepPolling;
            while (outcome == PollOutcome.KeepPolling && await timer.WaitForNextTickAsync(stop))
            {
                await dispatch(async () =>
                {
                    caller.AttachCredential(userId);
                    try
                    {
                        outcome = await tick();
                    }
                    catch (Exception e) when (GrainErrors.IsReportable(e))
                    {
                        outcome = onError(e);
                    }

                    render();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
    }

    /// <summary>Stops the poll for good; a tick already on the dispatcher finishes, and no later one starts.</summary>
    public async ValueTask DisposeAsync() => await _disposed.CancelAsync();
}
