using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Grains.Tests.Hosting;
using Platform.Silo.Hosting;
using Platform.Testing;

namespace Platform.Grains.Tests.Scheduling;

/// <summary>
/// An in-process silo like <see cref="InProcessSilo"/> but with its own settings (training enabled or not, CPU
/// training, executor, scheduler rules): several of these on one database and cluster id form one cluster of
/// silos with different capabilities.
/// </summary>
public sealed class TrainingSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TrainingSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();
    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
    public string Name => Address.ToParsableString();
    public IServiceProvider Services => _host.Services;

    public static async Task<TrainingSilo> StartAsync(string connectionString, string clusterId, string dataRoot,
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "Silo", "Platform.Silo", "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{SiloHostingExtensions.DatabaseConnectionName}"] = connectionString,
                ["Orleans:ServiceId"] = clusterId,
                ["Orleans:ClusterId"] = clusterId,
                ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(),
                ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(),
                ["Platform:Identity:SigningKey"] = TestIdentity.SigningKeyBase64,
                ["Platform:Identity:SystemKey"] = TestIdentity.SystemKeyBase64,
                ["Platform:Identity:PlatformAdmins:0"] = TestIdentity.Admin,
                ["Platform:Storage:DataRoot"] = dataRoot,
                ["Platform:Storage:WorkRoot"] = dataRoot,
                ["Platform:Training:ReconcileInterval"] = "00:00:01",
            })
            .AddInMemoryCollection(settings);
        builder.AddPlatformSilo();
        services?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        return new TrainingSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
