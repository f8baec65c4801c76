using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Sweeps;

namespace Platform.WebUI.Services;

/// <summary>What pages need of a project's hyper-parameter sweeps, through the grain API.</summary>
public sealed class SweepsClient(IClusterClient cluster)
{
    /// <summary>The project's sweeps by name, each with its snapshot (null for one registered but not started).</summary>
    public async Task<IReadOnlyList<(string Name, SweepSnapshot? Snapshot)>> ListAsync(string labId, string project)
    {
        var summary = await cluster.GetGrain<IProjectGrain>(GrainKeys.Project(labId, project)).GetAsync()
            ?? throw new PlatformNotFoundException($"There is no project '{project}' in this lab.");
        return await Task.WhenAll(summary.Sweeps.Order(StringComparer.Ordinal)
            .Select(async name => (name, await Sweep(labId, project, name).GetAsync())));
    }

    public Task<SweepSnapshot?> GetAsync(string labId, string project, string name) => Sweep(labId, project, name).GetAsync();

    public Task<SweepSnapshot> StartAsync(string labId, string project, string name, SweepRequest request) => Sweep(labId, project, name).StartAsync(request);

    public Task<SweepSnapshot> CancelAsync(string labId, string project, string name) => Sweep(labId, project, name).CancelAsync();

    private ISweepGrain Sweep(string labId, string project, string name) => cluster.GetGrain<ISweepGrain>(GrainKeys.Sweep(labId, project, name));
}
