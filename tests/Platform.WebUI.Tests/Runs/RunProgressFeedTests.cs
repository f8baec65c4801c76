using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.WebUI.Services;
using Xunit;
using static Platform.WebUI.Tests.Runs.RunSamples;

namespace Platform.WebUI.Tests.Runs;

/// <summary>The feed subscribes as the signed-in user, renews before the subscription lapses, polls, and cleans up.</summary>
public sealed class RunProgressFeedTests
{
    private readonly ManualClock _clock = new();
    private readonly FakeRunGrain _grain;
    private readonly FakeCluster _cluster;
    private readonly RunProgressFeed _feed;

    public RunProgressFeedTests()
    {
        _grain = new FakeRunGrain(Run(RunState.Running, Epoch(0)), _clock);
        _cluster = new FakeCluster(_grain);
        _feed = Feed(_cluster, _clock);
    }

    [Fact]
    public async Task Following_subscribes_the_observer_to_the_run_as_the_user()
    {
        await _feed.FollowAsync(Lab, Project, RunId, "alice");

        Assert.Equal(RunKey, _cluster.RequestedKeys.Single());
        Assert.Equal(["alice"], _grain.Subscriptions);
        Assert.NotNull(_cluster.Observer);
    }

    [Fact]
    public async Task A_beat_before_the_renewal_interval_polls_without_subscribing_again()
    {
        await _feed.FollowAsync(Lab, Project, RunId, "alice");
        _clock.Advance(RunProgressFeed.RenewalInterval - TimeSpan.FromSeconds(1));

        await _feed.TickAsync();

        Assert.Single(_grain.Subscriptions);
        Assert.Equal(["alice"], _grain.Reads);
    }

    [Fact]
    public async Task A_beat_after_the_renewal_interval_renews_with_the_users_credential_attached_afresh()
    {
        await _feed.FollowAsync(Lab, Project, RunId, "alice");
        _clock.Advance(RunProgressFeed.RenewalInterval);
        // A timer's beat runs outside any circuit activity: nothing else attaches a credential for it.
        CallerCredentials.Clear();

        await _feed.TickAsync();

        Assert.Equal(["alice", "alice"], _grain.Subscriptions);
        Assert.Equal(["alice"], _grain.Reads);
        Assert.Equal(_clock.GetUtcNow(), _feed.SubscribedAt);
    }

    [Fact]
    public void Renewal_comes_well_before_the_subscription_lapses() =>
        Assert.True(RunProgressFeed.RenewalInterval + RunProgressFeed.PollInterval < RunProgressSubscriptions.Lifetime);

    [Fact]
    public async Task A_failed_subscription_is_retried_on_the_next_beat_and_reported_meanwhile()
    {
        var failures = new List<Exception>();
        _feed.RefreshFailed += failures.Add;
        _grain.Unreachable = true;

        await _feed.FollowAsync(Lab, Project, RunId, "alice");
        Assert.Null(_feed.SubscribedAt);
        Assert.IsType<TimeoutException>(Assert.Single(failures));

        _grain.Unreachable = false;
        await _feed.TickAsync();

        Assert.Equal(["alice"], _grain.Subscriptions);
        Assert.NotNull(_feed.SubscribedAt);
    }

    [Fact]
    public async Task A_beat_raises_the_re_read_run()
    {
        RunSnapshot? refreshed = null;
        _feed.SnapshotRefreshed += s => refreshed = s;
        await _feed.FollowAsync(Lab, Project, RunId, "alice");
        _grain.Snapshot = Run(RunState.Completed, Epoch(0), Epoch(1));

        await _feed.TickAsync();

        Assert.Equal(RunState.Completed, refreshed?.State);
    }

    [Fact]
    public async Task Pushes_for_the_followed_run_are_raised_and_others_ignored()
    {
        var epochs = new List<int>();
        var states = new List<RunState>();
        _feed.EpochRecorded += m => epochs.Add(m.Epoch);
        _feed.StateChanged += (s, _) => states.Add(s);
        await _feed.FollowAsync(Lab, Project, RunId, "alice");

        _cluster.Observer!.EpochRecorded(RunKey, Epoch(3));
        _cluster.Observer.EpochRecorded($"{Lab}/{Project}/another-f0-20250101000000-abcd", Epoch(9));
        _cluster.Observer.StateChanged(RunKey, RunState.Paused, "paused at epoch 3");

        Assert.Equal([3], epochs);
        Assert.Equal([RunState.Paused], states);
    }

    [Fact]
    public async Task Disposing_unsubscribes_as_the_user_and_releases_the_observer()
    {
        await _feed.FollowAsync(Lab, Project, RunId, "alice");
        var observer = _cluster.Observer;
        CallerCredentials.Clear();

        await _feed.DisposeAsync();

        Assert.Equal(["alice"], _grain.Unsubscriptions);
        Assert.Same(observer, Assert.Single(_cluster.Deleted));
    }
}
