using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Abstractions.Projects;

/// <summary>
/// Reads a project's lists from their tables, page by page, without activating the grains listed (a stateless
/// worker: every silo answers on its own). Keyed by <see cref="GrainKeys.ProjectList"/>; a project that does not
/// exist has empty lists.
/// </summary>
[Alias("Platform.Grains.Abstractions.Projects.IProjectListGrain")]
public interface IProjectListGrain : IGrainWithStringKey
{
    /// <summary>One page of the project's runs, cross-validations or sweeps, sorted and filtered as asked.</summary>
    [Alias("ListItemsAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<ProjectItemPage> ListItemsAsync(ProjectItemQuery query);

    /// <summary>Every plan of the project with its latest version, by name.</summary>
    [Alias("ListPlansAsync"), RequiresLabRole(LabRole.Viewer)]
    Task<IReadOnlyList<PlanHead>> ListPlansAsync();
}
