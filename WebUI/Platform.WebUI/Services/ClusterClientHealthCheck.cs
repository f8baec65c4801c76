using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;

namespace Platform.WebUI.Services;

/// <summary>Healthy when a grain call through the cluster succeeds, i.e. pages can load data.</summary>
public sealed class ClusterClientHealthCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy("Cluster reachable.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Cluster not reachable.", e);
        }
    }
}
