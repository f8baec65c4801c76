using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.ClusterConnections;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Tenancy;
using Platform.ServiceClient.Example;

// A lab's service driving a whole workflow through the grain API with its API key. Configuration comes from the
// environment (see ExampleSettings); it prints one line per step and exits 0 when the run completed with scores.
var settings = ExampleSettings.FromEnvironment();
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Orleans:ServiceId"] = settings.ClusterId,
    ["Orleans:ClusterId"] = settings.ClusterId,
});
// The silos' gateways, and TLS with the operator's certificate where the cluster requires it.
builder.UseOrleansClient(client => client.UseStaticClustering([.. settings.Gateways]).UseClusterTls(settings.Tls));
using var host = builder.Build();
await host.StartAsync();
try
{
    // The key travels in the request context of this async flow, with every grain call below.
    CallerCredentials.UseApiKey(settings.ApiKey);
    return await new Workflow(host.Services.GetRequiredService<IClusterClient>(), settings, Console.Out).RunAsync();
}
catch (PlatformException e)
{
    Console.Error.WriteLine($"The platform refused: {e.GetType().Name}: {e.Message}");
    return 1;
}
finally
{
    await host.StopAsync();
}
