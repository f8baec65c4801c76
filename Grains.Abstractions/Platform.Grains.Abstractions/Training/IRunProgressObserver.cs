namespace Platform.Grains.Abstractions.Training;

/// <summary>
/// Live progress of a run, pushed to subscribers (the WebUI's run page, a command-line tool following a run).
/// Subscribe with <see cref="ITrainingRunGrain.SubscribeAsync"/>: unlike an Orleans stream, whose subscriptions
/// bypass the grain-call filter, a subscription is a lab-checked call, so a run's progress reaches only people who
/// may see the run. Subscriptions lapse after <see cref="RunProgressSubscriptions.Lifetime"/>; renew them.
/// Calls are one-way: a slow or lost subscriber never holds up training.
/// </summary>
public interface IRunProgressObserver : IGrainObserver
{
    void EpochRecorded(string runKey, EpochMetrics metrics);

    void StateChanged(string runKey, RunState state, string? reason);

    /// <summary>Where the training is within its epoch (at most every few seconds while it runs).</summary>
    void IterationsReported(string runKey, RunIterations iterations);
}

public static class RunProgressSubscriptions
{
    /// <summary>How long a progress subscription lasts unless renewed (a subscriber that vanished stops costing anything then).</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(5);
}
