using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Grains.Tests.Hosting;

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

    /// <summary>A silo with the test's settings over a fast reconcile loop (1 s); data and work share <paramref name="dataRoot"/>.</summary>
    public static async Task<TrainingSilo> StartAsync(string connectionString, string clusterId, string dataRoot,
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var merged = new Dictionary<string, string?> { ["Platform:Training:ReconcileInterval"] = "00:00:01" };
        foreach (var (key, value) in settings)
            merged[key] = value;
        return new(await TestSiloHost.StartAsync(connectionString, clusterId, clusterId, dataRoot, dataRoot, merged, services));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
