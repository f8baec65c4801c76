using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Silo.Hosting;
using Platform.Testing;

namespace Platform.Grains.Tests.Hosting;

/// <summary>
/// The one way tests build a silo in their own process: the real silo's appsettings.json and hosting code, with a test
/// database, free ports, the test identity keys, the ids and roots a test chooses, and its own settings on top.
/// <see cref="InProcessSilo"/> and <see cref="Scheduling.TrainingSilo"/> wrap what this starts.
/// </summary>
public static class TestSiloHost
{
    public static async Task<IHost> StartAsync(string connectionString, string serviceId, string clusterId, string dataRoot, string workRoot,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
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
                ["Platform:Storage:DataRoot"] = dataRoot,
                ["Platform:Storage:WorkRoot"] = workRoot,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddPlatformSilo();
        services?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
