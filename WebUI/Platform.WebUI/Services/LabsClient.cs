using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.WebUI.Services;

/// <summary>What pages need of labs, members and service keys, through the grain API (the WebUI keeps no lab data of its own).</summary>
public sealed class LabsClient(IClusterClient cluster)
{
    /// <summary>The labs the signed-in user belongs to (all labs for a platform administrator).</summary>
    public Task<IReadOnlyList<LabSummary>> ListAsync() =>
        cluster.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync();

    public Task<LabSummary> CreateAsync(string labId, string displayName, string principalInvestigator) =>
        Lab(labId).CreateAsync(displayName, principalInvestigator);

    public Task<LabSummary> RenameAsync(string labId, string displayName) => Lab(labId).RenameAsync(displayName);

    public Task<LabSummary?> GetAsync(string labId) => Lab(labId).GetAsync();

    public Task<LabRole> GetMyRoleAsync(string labId) => Lab(labId).GetMyRoleAsync();

    public Task<IReadOnlyList<LabMember>> ListMembersAsync(string labId) => Lab(labId).ListMembersAsync();

    public Task<IReadOnlyList<LabMember>> SetMemberAsync(string labId, string userId, LabRole role) => Lab(labId).SetMemberAsync(userId, role);

    public Task<IReadOnlyList<LabMember>> RemoveMemberAsync(string labId, string userId) => Lab(labId).RemoveMemberAsync(userId);

    public Task<IReadOnlyList<ApiKeySummary>> ListApiKeysAsync(string labId) => Lab(labId).ListApiKeysAsync();

    public Task<CreatedApiKey> CreateApiKeyAsync(string labId, string name, LabRole role) => Lab(labId).CreateApiKeyAsync(name, role);

    public Task RevokeApiKeyAsync(string labId, string keyId) => Lab(labId).RevokeApiKeyAsync(keyId);

    private ILabGrain Lab(string labId) => cluster.GetGrain<ILabGrain>(GrainKeys.Lab(labId));
}
