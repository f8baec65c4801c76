namespace Platform.ServiceDefaults.Database;

/// <summary>Whether PostgreSQL answered this service's last probe, since when, and what went wrong when it did not.</summary>
/// <param name="Reachable">The last probe succeeded.</param>
/// <param name="Since">When the current state began (the first probe that saw it).</param>
/// <param name="Error">Why the last probe failed; null while reachable.</param>
/// <param name="FailedProbes">Probes failed in a row (0 while reachable).</param>
public sealed record DatabaseStatus(bool Reachable, DateTimeOffset Since, string? Error, int FailedProbes)
{
    /// <summary>What a service knows before its first probe: nothing wrong yet.</summary>
    public static DatabaseStatus Unknown(DateTimeOffset now) => new(true, now, null, 0);
}
