using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;

namespace Platform.WebUI.Services;

/// <summary>
/// A project's lists (runs, cross-validations, sweeps, plans) as pages read from the platform's tables: a list never
/// asks the listed runs themselves, so it costs the same for ten runs or ten thousand.
/// </summary>
public sealed class ProjectListsClient(IClusterClient cluster)
{
    public Task<ProjectItemPage> PageAsync(string labId, string project, ProjectItemQuery query) => Lists(labId, project).ListItemsAsync(query);

    /// <summary>Every plan with its latest version, by name.</summary>
    public Task<IReadOnlyList<PlanHead>> PlansAsync(string labId, string project) => Lists(labId, project).ListPlansAsync();

    /// <summary>Every row matching <paramref name="query"/> (from its first page on), for pickers that offer them all.</summary>
    public async Task<IReadOnlyList<ProjectItem>> AllAsync(string labId, string project, ProjectItemQuery query)
    {
        var items = new List<ProjectItem>();
        for (var page = 0; ; page++)
        {
            var rows = await PageAsync(labId, project, query with { Page = page, PageSize = ProjectItemQuery.MaxPageSize });
            items.AddRange(rows.Items);
            if (rows.Items.Count < ProjectItemQuery.MaxPageSize || items.Count >= rows.Total)
                return items;
        }
    }

    private IProjectListGrain Lists(string labId, string project) => cluster.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(labId, project));
}
