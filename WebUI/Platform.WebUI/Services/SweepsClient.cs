using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Sweeps;

namespace Platform.WebUI.Services;

/// <summary>What pages need of a project's hyper-parameter sweeps, through the grain API.</summary>
public sealed class SweepsClient(IClusterClient cluster)
{
    public Task<SweepSnapshot?> GetAsync(string labId, string project, string name) => Sweep(labId, project, name).GetAsync();

    public Task<SweepSnapshot> StartAsync(string labId, string project, string name, SweepRequest request) => Sweep(labId, project, name).StartAsync(request);

    public Task<SweepSnapshot> CancelAsync(string labId, string project, string name) => Sweep(labId, project, name).CancelAsync();

    private ISweepGrain Sweep(string labId, string project, string name) => cluster.GetGrain<ISweepGrain>(GrainKeys.Sweep(labId, project, name));
}
