namespace Platform.Grains.Sweeps;

/// <summary>Platform:Sweeps settings.</summary>
public sealed class SweepOptions
{
    public const string Section = "Platform:Sweeps";

    /// <summary>How often a sweep reads its trials' runs; a rung decision can come at most this late.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
