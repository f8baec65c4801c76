using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        Action<IServiceCollection>? services = null, string? dataRoot = null, string? workRoot = null) =>
        new(await TestSiloHost.StartAsync(connectionString, serviceId, clusterId, dataRoot ?? Path.GetTempPath(),
            workRoot ?? Path.Combine(Path.GetTempPath(), "platform-work-" + Guid.NewGuid().ToString("N")), services: services));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
