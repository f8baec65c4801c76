namespace Platform.ServiceDefaults.Database;

/// <summary>How often the database is probed, and how long work waits out an outage (configuration section <c>Platform:Database</c>).</summary>
public sealed class DatabaseAvailabilityOptions
{
    public const string Section = "Platform:Database";

    /// <summary>Between probes while the database answers. Default 5 s.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first retry after a failed probe; each further failure doubles it up to <see cref="MaxRetryDelay"/>. Default 1 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between probes while the database is down. Default 15 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one probe may take before it counts as failed. Default 3 s.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a job's report that must not be lost (a training's start, epoch or checkpoint; a preprocessing job's
    /// end) is retried through an outage before the job fails with the outage named. Default 15 minutes.
    /// </summary>
    public TimeSpan OutageTolerance { get; set; } = TimeSpan.FromMinutes(15);
}
