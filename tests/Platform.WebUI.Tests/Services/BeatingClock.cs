namespace Platform.WebUI.Tests.Services;

/// <summary>
/// A clock that moves only when a test beats it, and then fires every live timer once, whatever its period: a test
/// drives a poll loop beat by beat without waiting for real time to pass.
/// </summary>
internal sealed class BeatingClock : TimeProvider
{
    private readonly List<BeatTimer> _timers = [];
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    /// <summary>Timers created and not yet disposed; a poll loop that ended has disposed its own.</summary>
    public int LiveTimers
    {
        get
        {
            lock (_timers)
                return _timers.Count;
        }
    }

    /// <summary>
    /// Live timers that repeat every <paramref name="period"/>: a page's poll loop, told apart from the one-shot timers
    /// some MudBlazor inputs keep.
    /// </summary>
    public int LiveTimersOf(TimeSpan period)
    {
        lock (_timers)
            return _timers.Count(t => t.Period == period);
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_timers)
            return _now;
    }

    /// <summary>Moves the clock on by <paramref name="by"/>, then fires every live timer.</summary>
    public void Beat(TimeSpan by)
    {
        BeatTimer[] due;
        lock (_timers)
        {
            _now += by;
            due = [.. _timers];
        }

        foreach (var timer in due)
            timer.Fire();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new BeatTimer(this, callback, state) { Period = period };
        lock (_timers)
            _timers.Add(timer);
        return timer;
    }

    private void Remove(BeatTimer timer)
    {
        lock (_timers)
            _timers.Remove(timer);
    }

    private sealed class BeatTimer(BeatingClock clock, TimerCallback callback, object? state) : ITimer
    {
        public TimeSpan Period { get; init; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
