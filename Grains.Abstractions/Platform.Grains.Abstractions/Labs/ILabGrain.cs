using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Labs;

/// <summary>
/// A lab: the tenant every project, datasource and run belongs to, with its members and service keys.
/// Keyed by <see cref="GrainKeys.Lab"/>.
/// </summary>
[Alias("Platform.Grains.Abstractions.Labs.ILabGrain")]
public interface ILabGrain : IGrainWithStringKey
{
    /// <summary>Creates the lab with its first principal investigator. Repeating the same call is harmless.</summary>
    /// <exception cref="PlatformConflictException">The lab exists with a different name.</exception>
    [Alias("CreateAsync"), RequiresPlatformAdmin]
    Task<LabSummary> CreateAsync(string displayName, string principalInvestigator);

    /// <exception cref="PlatformNotFoundException">The lab does not exist.</exception>
    [Alias("RenameAsync"), RequiresLabRole(LabRole.PrincipalInvestigator)]
    Task<LabSummary> RenameAsync(string displayName);

    /// <summary>The lab, or null when it has not been created.</summary>
    [Alias("GetAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<LabSummary?> GetAsync();

    /// <summary>The caller's own role here (None for non-members), so a front end can show only what is allowed.</summary>
    [Alias("GetMyRoleAsync"), RequiresAuthenticatedCaller]
    Task<LabRole> GetMyRoleAsync();

    [Alias("ListMembersAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<IReadOnlyList<LabMember>> ListMembersAsync();

    /// <summary>Adds a member or changes a member's role. The last principal investigator cannot be demoted.</summary>
    [Alias("SetMemberAsync"), RequiresLabRole(LabRole.PrincipalInvestigator)]
    Task<IReadOnlyList<LabMember>> SetMemberAsync(string userId, LabRole role);

    /// <summary>Removes a member. The last principal investigator cannot be removed.</summary>
    [Alias("RemoveMemberAsync"), RequiresLabRole(LabRole.PrincipalInvestigator)]
    Task<IReadOnlyList<LabMember>> RemoveMemberAsync(string userId);

    /// <summary>Creates a service key acting in this lab with <paramref name="role"/>; its secret is returned this once.</summary>
    [Alias("CreateApiKeyAsync"), RequiresLabRole(LabRole.PrincipalInvestigator)]
    Task<CreatedApiKey> CreateApiKeyAsync(string name, LabRole role);

    [Alias("ListApiKeysAsync"), RequiresLabRole(LabRole.PrincipalInvestigator)]
    Task<IReadOnlyList<ApiKeySummary>> ListApiKeysAsync();

    /// <summary>The lab's projects, archived ones included (each says whether it is).</summary>
    [Alias("ListProjectsAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<IReadOnlyList<ProjectSummary>> ListProjectsAsync();

    /// <summary>Adds or replaces a project's entry; called by <see cref="IProjectGrain"/> after each change it stores.</summary>
    [Alias("RecordProjectAsync"), GrainToGrainOnly]
    Task RecordProjectAsync(ProjectSummary project);

    /// <summary>Revokes a key at once on this silo, and on every silo within the verification cache lifetime (2 s).</summary>
    [Alias("RevokeApiKeyAsync"), RequiresLabRole(LabRole.PrincipalInvestigator)]
    Task RevokeApiKeyAsync(string keyId);
}
