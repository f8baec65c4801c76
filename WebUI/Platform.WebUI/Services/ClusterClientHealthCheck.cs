using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.WebUI.Services;

/// <summary>
/// Healthy when a grain call reaches a silo and comes back. The probe carries no credential on purpose: the
/// silo's refusal is an answer from the cluster, which is all this check needs to know.
/// </summary>
public sealed class ClusterClientHealthCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            CallerCredentials.Clear();
            await client.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy("Cluster reachable.");
        }
        catch (PlatformAccessDeniedException)
        {
            return HealthCheckResult.Healthy("Cluster reachable.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Cluster not reachable.", e);
        }
    }
}
