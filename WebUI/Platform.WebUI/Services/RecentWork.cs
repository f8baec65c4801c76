using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;

namespace Platform.WebUI.Services;

/// <summary>A project of one of the user's labs, for the home page.</summary>
public sealed record RecentProject(LabSummary Lab, ProjectSummary Project);

/// <summary>A run the user started, with where it lives.</summary>
public sealed record RecentRun(LabSummary Lab, string Project, ProjectItem Run);

/// <summary>The home page's overview: the newest projects of the user's labs and the runs the user started last.</summary>
public sealed record RecentWorkOverview(IReadOnlyList<RecentProject> Projects, IReadOnlyList<RecentRun> Runs);

/// <summary>
/// Gathers the home page's overview from the labs the user belongs to: their open projects, newest first, and the
/// user's own runs from each project's run list (one small page per project, newest first). Bounded so a user of many
/// labs gets a quick page: the first <see cref="MaxLabs"/> labs and <see cref="MaxProjectsPerLab"/> projects of each.
/// </summary>
public sealed class RecentWork(LabsClient labs, ProjectsClient projects, ProjectListsClient lists)
{
    public const int MaxLabs = 10;
    public const int MaxProjectsPerLab = 20;
    public const int Shown = 8;

    public async Task<RecentWorkOverview> ForAsync(string userId)
    {
        var found = new List<RecentProject>();
        foreach (var lab in (await labs.ListAsync()).Take(MaxLabs))
        {
            found.AddRange((await projects.ListAsync(lab.Id)).Where(p => !p.IsArchived)
                .OrderByDescending(p => p.CreatedAt).Take(MaxProjectsPerLab).Select(p => new RecentProject(lab, p)));
        }

        var runs = new List<RecentRun>();
        foreach (var (lab, project) in found)
        {
            var page = await lists.PageAsync(lab.Id, project.Title, new ProjectItemQuery(ProjectItemKind.Run, PageSize: 2 * Shown));
            runs.AddRange(page.Items.Where(r => r.CreatedBy == userId).Select(r => new RecentRun(lab, project.Title, r)));
        }

        return new RecentWorkOverview(
            found.OrderByDescending(p => p.Project.CreatedAt).Take(Shown).ToList(),
            runs.OrderByDescending(r => r.Run.CreatedAt).Take(Shown).ToList());
    }
}
