using Bunit;
using MudBlazor;
using MudBlazor.Extensions;
using Platform.Plans.Tasks;
using Platform.WebUI.Components.Projects;
using Xunit;

namespace Platform.WebUI.Tests.Projects;

public sealed class CreateProjectFormTests : MudBlazorContext
{
    private readonly List<NewProject> _created = [];

    private IRenderedComponent<CreateProjectForm> RenderForm()
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<CreateProjectForm>(p => p.Add(c => c.OnCreate, (NewProject project) => _created.Add(project)));
    }

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

        form.WaitForAssertion(() => Assert.Equal([new NewProject("SEG005_Kidney", "Kidney and tumour", TaskKind.Segmentation)], _created));
    }

    [Fact]
    public void The_kind_selector_offers_every_task_kind_and_starts_at_segmentation()
    {
        var form = RenderForm();

        var select = form.FindComponent<MudSelect<TaskKind>>();
        Assert.Equal(TaskKind.Segmentation, select.Instance.GetState(x => x.Value));
        Assert.Equal(Enum.GetValues<TaskKind>(), form.FindComponents<MudSelectItem<TaskKind>>().Select(i => i.Instance.Value));
    }

    [Fact]
    public async Task A_task_name_of_another_kind_is_refused_until_its_kind_is_chosen_and_the_kind_is_raised()
    {
        var form = RenderForm();
        form.Find("input[data-testid=project-title-input]").Input("CLS003_Sald");
        form.WaitForAssertion(() =>
        {
            Assert.Contains("names a Classification task (prefix CLS), but the project is being created as Segmentation", form.Markup);
            Assert.True(form.Find("[data-testid=create-project-button]").HasAttribute("disabled"));
        });

        var select = form.FindComponent<MudSelect<TaskKind>>();
        await form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(TaskKind.Classification));
        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid=create-project-button]").HasAttribute("disabled")));
        form.Find("[data-testid=create-project-button]").Click();

        form.WaitForAssertion(() => Assert.Equal([new NewProject("CLS003_Sald", "", TaskKind.Classification)], _created));
    }

    [Fact]
    public async Task A_fran_title_suits_any_kind()
    {
        var form = RenderForm();
        form.Find("input[data-testid=project-title-input]").Input("sald_ages");
        var select = form.FindComponent<MudSelect<TaskKind>>();
        await form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(TaskKind.Regression));

        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid=create-project-button]").HasAttribute("disabled")));
        form.Find("[data-testid=create-project-button]").Click();

        form.WaitForAssertion(() => Assert.Equal([new NewProject("sald_ages", "", TaskKind.Regression)], _created));
    }
}
