using Microsoft.Extensions.DependencyInjection;

namespace Platform.Grains.Tests.Scheduling;

/// <summary>Several <see cref="TrainingSilo"/>s with the same settings forming one cluster on one data root: one training slot each.</summary>
public sealed class TrainingCluster : IAsyncDisposable
{
    private readonly List<TrainingSilo> _silos = [];

    /// <summary>The first silo's grain factory, as a client of the cluster would call it.</summary>
    public IGrainFactory Grains => _silos[0].Grains;

    public static async Task<TrainingCluster> StartAsync(string connectionString, string prefix, string dataRoot, int silos,
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var cluster = new TrainingCluster();
        var id = $"{prefix}-{Guid.NewGuid():N}"[..14];
        try
        {
            for (var i = 0; i < silos; i++)
                cluster._silos.Add(await TrainingSilo.StartAsync(connectionString, id, dataRoot, settings, services));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
            await silo.DisposeAsync();
    }
}
