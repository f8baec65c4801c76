using Bunit;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Plans.Tasks;
using Platform.WebUI.Components.Labs;
using Platform.WebUI.Components.Projects;
using Xunit;

namespace Platform.WebUI.Tests.Projects;

public sealed class LabProjectsTests : MudBlazorContext
{
    private static ProjectSummary Project(string title) =>
        new("kidney-lab", title, "", DateTimeOffset.UnixEpoch, "alice", null, ["kits23"], new Dictionary<string, IReadOnlyList<int>>(), []);

    private IRenderedComponent<LabProjects> RenderProjects(LabRole role, IReadOnlyList<ProjectSummary> projects) =>
        Context.Render<LabProjects>(p => p
            .Add(c => c.LabId, "kidney-lab")
            .Add(c => c.Access, new LabAccess(role, IsPlatformAdmin: false))
            .Add(c => c.Projects, projects));

    [Fact]
    public void A_viewer_sees_the_projects_but_no_create_form()
    {
        var view = RenderProjects(LabRole.Viewer, [Project("kits")]);

        Assert.Empty(view.FindAll("[data-testid=create-project-button]"));
        Assert.Equal("kits", view.Find("[data-testid=project-title]").TextContent.Trim());
        Assert.Equal("labs/kidney-lab/projects/kits", view.Find("[data-testid=project-title] a").GetAttribute("href"));
    }

    [Fact]
    public void A_scientist_gets_the_create_form() =>
        Assert.NotNull(RenderProjects(LabRole.Scientist, []).Find("[data-testid=create-project-button]"));

    [Fact]
    public void The_empty_state_tells_a_viewer_whom_to_ask_and_a_scientist_what_to_do()
    {
        Assert.Contains("ask one of them", RenderProjects(LabRole.Viewer, []).Find("[data-testid=projects-empty]").TextContent);
        Assert.Contains("Create the first project", RenderProjects(LabRole.Scientist, []).Find("[data-testid=projects-empty]").TextContent);
    }

    [Fact]
    public void Each_project_shows_its_task_kind()
    {
        var view = RenderProjects(LabRole.Viewer, [Project("kits"), Project("CLS003_Sald") with { Kind = TaskKind.Classification }]);

        Assert.Equal(["Segmentation (SEG)", "Classification (CLS)"], view.FindAll("[data-testid=project-kind]").Select(c => c.TextContent.Trim()));
    }
}
