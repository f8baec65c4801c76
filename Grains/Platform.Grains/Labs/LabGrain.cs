using Microsoft.Extensions.Logging;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Storage;
using Platform.Grains.Tenancy;

namespace Platform.Grains.Labs;

/// <summary>The lab's name lives in grain state; members and keys in tables the tenancy filter reads (<see cref="LabAccessStore"/>).</summary>
public sealed partial class LabGrain(
    [PersistentState("lab", StorageNames.Platform)] IPersistentState<LabState> lab,
    LabAccessStore access,
    CallerVerifier verifier,
    TimeProvider clock,
    ILogger<LabGrain> logger) : Grain, ILabGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<LabSummary> CreateAsync(string displayName, string principalInvestigator)
    {
        LabIds.Require(Id);
        var name = LabDisplayNames.Require(displayName);
        UserIds.Require(principalInvestigator);
        if (lab.State.Exists && lab.State.DisplayName != name)
            throw new PlatformConflictException($"Lab '{Id}' already exists, named '{lab.State.DisplayName}'.");

        if (!lab.State.Exists)
        {
            lab.State = new LabState { DisplayName = name, CreatedAt = clock.GetUtcNow() };
            await lab.WriteOrDeactivateAsync(this);
            LogCreated(logger, Id, name, principalInvestigator);
        }

        // Also on a retried create, in case the first attempt stopped after writing the state.
        if (await access.GetRoleAsync(Id, principalInvestigator) == LabRole.None)
            await access.SetMemberAsync(Id, principalInvestigator, LabRole.PrincipalInvestigator, VerifiedCaller.Require().PrincipalId);
        verifier.Invalidate(Id);
        await RecordInDirectoryAsync();
        return lab.State.ToSummary(Id);
    }

    public async Task<LabSummary> RenameAsync(string displayName)
    {
        var name = LabDisplayNames.Require(displayName);
        RequireExists();
        if (lab.State.DisplayName == name)
            return lab.State.ToSummary(Id);

        lab.State = lab.State with { DisplayName = name, RenamedAt = clock.GetUtcNow() };
        await lab.WriteOrDeactivateAsync(this);
        await RecordInDirectoryAsync();
        LogRenamed(logger, Id, name);
        return lab.State.ToSummary(Id);
    }

    public Task<LabSummary?> GetAsync() => Task.FromResult(lab.State.Exists ? lab.State.ToSummary(Id) : null);

    public Task<LabRole> GetMyRoleAsync() => verifier.RoleInLabAsync(VerifiedCaller.Require(), Id);

    public Task<IReadOnlyList<LabMember>> ListMembersAsync() => access.ListMembersAsync(Id);

    public async Task<IReadOnlyList<LabMember>> SetMemberAsync(string userId, LabRole role)
    {
        RequireExists();
        UserIds.Require(userId);
        if (role is < LabRole.Viewer or > LabRole.PrincipalInvestigator)
            throw new PlatformValidationException("role", $"Role {role} cannot be given; remove the member instead of giving no role.");

        await access.SetMemberAsync(Id, userId, role, VerifiedCaller.Require().PrincipalId);
        verifier.Invalidate(Id);
        LogMemberSet(logger, Id, userId, role);
        return await access.ListMembersAsync(Id);
    }

    public async Task<IReadOnlyList<LabMember>> RemoveMemberAsync(string userId)
    {
        RequireExists();
        await access.RemoveMemberAsync(Id, UserIds.Require(userId));
        verifier.Invalidate(Id);
        LogMemberRemoved(logger, Id, userId);
        return await access.ListMembersAsync(Id);
    }

    public async Task<CreatedApiKey> CreateApiKeyAsync(string name, LabRole role)
    {
        RequireExists();
        var keyName = name?.Trim() ?? "";
        if (keyName.Length is 0 or > 100)
            throw new PlatformValidationException("name", "A service key needs a name of 1 to 100 characters that says which service uses it.");
        if (role is < LabRole.Viewer or > LabRole.PrincipalInvestigator)
            throw new PlatformValidationException("role", $"Role {role} cannot be given to a service key.");

        var created = await access.CreateApiKeyAsync(Id, keyName, role, VerifiedCaller.Require().PrincipalId);
        LogKeyCreated(logger, Id, created.Summary.KeyId, keyName, role);
        return created;
    }

    public Task<IReadOnlyList<ApiKeySummary>> ListApiKeysAsync() => access.ListApiKeysAsync(Id);

    public async Task RevokeApiKeyAsync(string keyId)
    {
        await access.RevokeApiKeyAsync(Id, keyId, VerifiedCaller.Require().PrincipalId);
        verifier.Invalidate(Id);
        LogKeyRevoked(logger, Id, keyId);
    }

    public Task<IReadOnlyList<ProjectSummary>> ListProjectsAsync() =>
        Task.FromResult<IReadOnlyList<ProjectSummary>>(lab.State.Projects.Values.OrderBy(p => p.Title, StringComparer.Ordinal).ToList());

    public async Task RecordProjectAsync(ProjectSummary project)
    {
        RequireExists();
        if (lab.State.Projects.TryGetValue(project.Title, out var known) && known.SameAs(project))
            return;
        lab.State = lab.State with { Projects = new(lab.State.Projects) { [project.Title] = project } };
        await lab.WriteOrDeactivateAsync(this);
    }


    private void RequireExists()
    {
        if (!lab.State.Exists)
            throw new PlatformNotFoundException($"Lab '{Id}' does not exist.");
    }

    private Task RecordInDirectoryAsync() =>
        GrainFactory.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).RecordAsync(lab.State.ToSummary(Id));

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId} created as {DisplayName} with principal investigator {PrincipalInvestigator}")]
    private static partial void LogCreated(ILogger logger, string labId, string displayName, string principalInvestigator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId} renamed to {DisplayName}")]
    private static partial void LogRenamed(ILogger logger, string labId, string displayName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: {UserId} is now {Role}")]
    private static partial void LogMemberSet(ILogger logger, string labId, string userId, LabRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: {UserId} removed")]
    private static partial void LogMemberRemoved(ILogger logger, string labId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: service key {KeyId} ({Name}) created as {Role}")]
    private static partial void LogKeyCreated(ILogger logger, string labId, string keyId, string name, LabRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: service key {KeyId} revoked")]
    private static partial void LogKeyRevoked(ILogger logger, string labId, string keyId);
}
