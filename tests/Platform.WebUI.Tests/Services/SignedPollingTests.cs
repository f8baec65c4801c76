using System.Threading.Channels;
using Platform.Grains.Abstractions.Tenancy;
using Platform.WebUI.Services;
using Platform.WebUI.Tests.Runs;
using Xunit;

namespace Platform.WebUI.Tests.Services;

/// <summary>
/// The poll signs every tick afresh as the user, on the page's dispatcher; it stops when a tick or the error handler
/// says so, or when disposed; and only one poll runs at a time.
/// </summary>
public sealed class SignedPollingTests : IAsyncDisposable
{
    // Longer than a user token lives: a credential attached once, at start, would have expired by the second tick.
    private static readonly TimeSpan Interval = UserTokens.Lifetime + TimeSpan.FromMinutes(1);

    // Only a guard against a hung test; every wait below returns as soon as the loop has done its part.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly BeatingClock _clock = new();
    private readonly SignedPolling _polling;
    private readonly Channel<int> _dispatched = Channel.CreateUnbounded<int>();
    private readonly List<string> _callers = [];
    private readonly List<Exception> _errors = [];
    private bool _onDispatcher;
    private int _renders;

    public SignedPollingTests() => _polling = new SignedPolling(RunSamples.Caller(_clock), _clock);

    [Fact]
    public async Task Every_tick_runs_on_the_dispatcher_signed_afresh_as_the_user_then_renders()
    {
        var onDispatcher = new List<bool>();
        CallerCredentials.Clear();
        Start("alice", () =>
        {
            onDispatcher.Add(_onDispatcher);
            return Task.FromResult(PollOutcome.KeepPolling);
        });

        await BeatAsync();
        await BeatAsync();

        Assert.Equal(["alice", "alice"], _callers);
        Assert.Equal([true, true], onDispatcher);
        Assert.Equal(2, _renders);
        Assert.True(_polling.IsPolling);
    }

    [Fact]
    public async Task A_tick_that_says_stop_ends_the_poll()
    {
        Start("alice", () => Task.FromResult(PollOutcome.Stop));

        await BeatAsync();
        await _polling.Stopped.WaitAsync(Patience);

        Assert.False(_polling.IsPolling);
        Assert.Equal(0, _clock.LiveTimers);
        Assert.Equal(["alice"], _callers);
        Assert.Equal(1, _renders);
    }

    [Fact]
    public async Task A_stopped_poll_can_be_started_again()
    {
        Start("alice", () => Task.FromResult(PollOutcome.Stop));
        await BeatAsync();
        await _polling.Stopped.WaitAsync(Patience);

        Start("bob", () => Task.FromResult(PollOutcome.KeepPolling));
        await BeatAsync();

        Assert.True(_polling.IsPolling);
        Assert.Equal(["alice", "bob"], _callers);
    }

    [Fact]
    public async Task Starting_while_a_poll_runs_does_nothing()
    {
        Start("alice", () => Task.FromResult(PollOutcome.KeepPolling));
        Start("bob", () => Task.FromResult(PollOutcome.KeepPolling));

        await BeatAsync();

        Assert.Equal(1, _clock.LiveTimers);
        Assert.Equal(["alice"], _callers);
    }

    [Fact]
    public async Task Disposing_stops_the_poll_for_good()
    {
        Start("alice", () => Task.FromResult(PollOutcome.KeepPolling));

        await _polling.DisposeAsync();
        await _polling.Stopped.WaitAsync(Patience);
        Start("alice", () => Task.FromResult(PollOutcome.KeepPolling));
        // A restarted poll would tick on this beat.
        _clock.Beat(Interval);

        Assert.False(_polling.IsPolling);
        Assert.Equal(0, _clock.LiveTimers);
        Assert.Empty(_callers);
    }

    [Fact]
    public async Task A_failed_tick_goes_to_the_error_handler_and_polling_goes_on_when_it_says_so()
    {
        var failNext = true;
        Start("alice", () => failNext ? throw new TimeoutException("No silo answered.") : Task.FromResult(PollOutcome.KeepPolling),
            onError: e =>
            {
                _errors.Add(e);
                failNext = false;
                return PollOutcome.KeepPolling;
            });

        await BeatAsync();
        await BeatAsync();

        Assert.IsType<TimeoutException>(Assert.Single(_errors));
        Assert.Equal(["alice", "alice"], _callers);
        Assert.Equal(2, _renders);
        Assert.True(_polling.IsPolling);
    }

    [Fact]
    public async Task A_failed_tick_ends_the_poll_when_the_error_handler_says_stop()
    {
        Start("alice", () => throw new TimeoutException("No silo answered."),
            onError: e =>
            {
                _errors.Add(e);
                return PollOutcome.Stop;
            });

        await BeatAsync();
        await _polling.Stopped.WaitAsync(Patience);

        Assert.Single(_errors);
        Assert.False(_polling.IsPolling);
        Assert.Equal(1, _renders);
    }

    public async ValueTask DisposeAsync() => await _polling.DisposeAsync();

    /// <summary>Starts a poll whose tick first notes the user its credential names, then does <paramref name="tick"/>.</summary>
    private void Start(string userId, Func<Task<PollOutcome>> tick, Func<Exception, PollOutcome>? onError = null) =>
        _polling.Start(Interval, userId, DispatchAsync, () => _renders++,
            tick: () =>
            {
                _callers.Add(SignedInAs());
                return tick();
            },
            onError: onError ?? (e => throw new InvalidOperationException("No tick was meant to fail.", e)));

    /// <summary>Stands in for a component's <c>InvokeAsync</c>: marks the work as on the dispatcher and tells the test when it is done.</summary>
    private async Task DispatchAsync(Func<Task> work)
    {
        _onDispatcher = true;
        try
        {
            await work();
        }
        finally
        {
            _onDispatcher = false;
            _dispatched.Writer.TryWrite(_renders);
        }
    }

    /// <summary>One beat of the clock, and the wait until the tick it caused has gone through the dispatcher.</summary>
    private async Task BeatAsync()
    {
        _clock.Beat(Interval);
        await _dispatched.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }

    /// <summary>The user named by the credential in the current request context, verified as a silo would; "anonymous" without one.</summary>
    private string SignedInAs() =>
        UserTokens.Verify(RequestContext.Get(CallerCredentials.UserTokenKey) as string, FakeRunGrain.SigningKey, _clock.GetUtcNow()) ?? "anonymous";
}
