using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Silo.Hosting;
using Platform.Testing;

namespace Platform.Grains.Tests.Hosting;

/// <summary>
/// A silo in the test process, configured exactly as the real one (the silo's own appsettings.json and
/// hosting code) but with a test database, its own ports, and the cluster/service ids a test chooses.
/// Two silos with the same service id share grain state and reminders; with different cluster ids they
/// do not see each other, which is how a test gets two activations of one grain.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();
    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static async Task<InProcessSilo> StartAsync(string connectionString, string serviceId, string clusterId,
        Action<IServiceCollection>? services = null, string? dataRoot = null, string? workRoot = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "Silo", "Platform.Silo", "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{SiloHostingExtensions.DatabaseConnectionName}"] = connectionString,
                ["Orleans:ServiceId"] = serviceId,
                ["Orleans:ClusterId"] = clusterId,
                ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(),
                ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(),
                ["Platform:Identity:SigningKey"] = TestIdentity.SigningKeyBase64,
                ["Platform:Identity:SystemKey"] = TestIdentity.SystemKeyBase64,
                ["Platform:Identity:PlatformAdmins:0"] = TestIdentity.Admin,
                ["Platform:Storage:DataRoot"] = dataRoot ?? Path.GetTempPath(),
                ["Platform:Storage:WorkRoot"] = workRoot ?? Path.Combine(Path.GetTempPath(), "platform-work-" + Guid.NewGuid().ToString("N")),
            });
        builder.AddPlatformSilo();
        services?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
