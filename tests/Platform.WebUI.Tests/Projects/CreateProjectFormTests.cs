using Bunit;
using Platform.WebUI.Components.Projects;
using Xunit;

namespace Platform.WebUI.Tests.Projects;

public sealed class CreateProjectFormTests : MudBlazorContext
{
    private readonly List<NewProject> _created = [];

    private IRenderedComponent<CreateProjectForm> RenderForm() =>
        Context.Render<CreateProjectForm>(p => p.Add(c => c.OnCreate, (NewProject project) => _created.Add(project)));

    [Fact]
    public void A_title_with_dashes_shows_the_title_rule()
    {
        var form = RenderForm();

        form.Find("input[data-testid=project-title-input]").Input("kidney-tumour");

        form.WaitForAssertion(() =>
        {
            Assert.Contains("is not a valid project title", form.Markup);
            Assert.Equal("true", form.Find("input[data-testid=project-title-input]").GetAttribute("aria-invalid"));
            Assert.True(form.Find("[data-testid=create-project-button]").HasAttribute("disabled"));
        });
    }

    [Fact]
    public void A_task_name_title_is_accepted_and_raised_with_the_description()
    {
        var form = RenderForm();
        form.Find("input[data-testid=project-title-input]").Input("SEG005_Kidney");
        form.Find("input[data-testid=project-description-input]").Input("  Kidney and tumour  ");
        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid=create-project-button]").HasAttribute("disabled")));

        form.Find("[data-testid=create-project-button]").Click();

        form.WaitForAssertion(() => Assert.Equal([new NewProject("SEG005_Kidney", "Kidney and tumour")], _created));
    }
}
