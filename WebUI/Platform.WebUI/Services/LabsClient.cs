using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;

namespace Platform.WebUI.Services;

/// <summary>What pages need of labs, through the grain API (the WebUI keeps no data of its own).</summary>
public sealed class LabsClient(IClusterClient cluster, WebCaller caller)
{
    public Task<IReadOnlyList<LabSummary>> ListAsync() =>
        cluster.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync();

    public Task<LabSummary> CreateAsync(string labId, string displayName) =>
        cluster.GetGrain<ILabGrain>(GrainKeys.Lab(labId)).CreateAsync(displayName, principalInvestigator: caller.UserId);

    public Task<LabSummary> RenameAsync(string labId, string displayName) =>
        cluster.GetGrain<ILabGrain>(GrainKeys.Lab(labId)).RenameAsync(displayName);
}
