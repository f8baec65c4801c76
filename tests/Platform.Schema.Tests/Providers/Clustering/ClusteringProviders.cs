using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace Platform.Schema.Tests.Providers.Clustering;

/// <summary>The real, public ADO.NET clustering providers, built the way a silo and a client build them.</summary>
public static class ClusteringProviders
{
    /// <summary>A silo's membership table for one deployment, initialised: queries loaded, version row created.</summary>
    public static async Task<AdoNetClusteringTable> TableAsync(string connectionString, string clusterId)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "schema-tests" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = TestSilo.Invariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    /// <summary>A client's gateway list for one deployment, initialised.</summary>
    public static async Task<AdoNetGatewayListProvider> GatewaysAsync(string connectionString, string clusterId)
    {
        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = TestSilo.Invariant, ConnectionString = connectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "schema-tests" }));
        await provider.InitializeGatewayListProviderAsync();
        return provider;
    }

    /// <summary>A deployment id of its own for each test, so tests sharing a database never see each other's silos.</summary>
    public static string NewClusterId() => $"cluster-{Guid.NewGuid():N}";
}
