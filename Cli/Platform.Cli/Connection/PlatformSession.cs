using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.ClusterConnections;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;

namespace Platform.Cli.Connection;

/// <summary>
/// A connected Orleans client (to the gateways it was given, or, for old set-ups, to those the cluster's membership
/// table lists) and the lab the commands act in. The caller's API key is put in the request context by <see cref="CommandRunner"/>, in the
/// async flow the command then runs in.
/// </summary>
public sealed class PlatformSession : IAsyncDisposable
{
    private readonly IHost _host;

    private PlatformSession(IHost host) => _host = host;

    public IClusterClient Grains => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>The lab id: --lab, or the one lab the API key sees.</summary>
    public string Lab { get; private set; } = "";

    public static async Task<PlatformSession> ConnectAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ServiceId"] = settings.ClusterId,
            ["Orleans:ClusterId"] = settings.ClusterId,
        });
        if (settings.LegacyConnectionString is { } connectionString)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:platformdb"] = connectionString,
                ["Orleans:Clustering:ProviderType"] = "AdoNet",
                ["Orleans:Clustering:Invariant"] = "Npgsql",
                ["Orleans:Clustering:ConnectionName"] = "platformdb",
            });
        }

        builder.UseOrleansClient(client =>
        {
            if (settings.Gateways is { } gateways)
                client.UseStaticClustering([.. gateways]);
            client.UseClusterTls(settings.Tls);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new CliException(ExitCodes.Unexpected,
                $"Could not reach the cluster (cluster id '{settings.ClusterId}'): {e.Message} Is the platform running (scripts/start.sh)? Check PLATFORM_GATEWAYS / --gateways, PLATFORM_CLUSTER_ID / --cluster-id, and PLATFORM_TLS_CERTIFICATE when the cluster requires TLS.");
        }

        return new PlatformSession(host);
    }

    /// <summary>Settles the lab: the one given, or the API key's own (a service key sees exactly one lab).</summary>
    public async Task ResolveLabAsync(string? lab)
    {
        if (lab is not null)
        {
            Lab = LabIds.Require(lab);
            return;
        }

        var labs = await Grains.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync();
        Lab = labs.Count == 1
            ? labs[0].Id
            : throw CliException.Usage($"The key sees {labs.Count} labs; name one with --lab or PLATFORM_LAB.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _host.Dispose();
        }
    }
}
