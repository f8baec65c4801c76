using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults.Database;

/// <summary>/health's view of the database: what <see cref="DatabaseAvailability"/> last saw (it does not probe again).</summary>
public sealed class DatabaseHealthCheck(DatabaseAvailability availability) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = availability.Current;
        return Task.FromResult(status.Reachable
            ? HealthCheckResult.Healthy("PostgreSQL reachable.")
            : HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture,
                $"PostgreSQL unreachable since {status.Since:yyyy-MM-dd HH:mm:ss} UTC ({status.FailedProbes} failed probes): {status.Error}")));
    }
}
