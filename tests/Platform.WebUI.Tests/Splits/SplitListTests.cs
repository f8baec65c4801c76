using Bunit;
using MudBlazor;
using Platform.Grains.Abstractions.Splits;
using Platform.WebUI.Components.Splits;
using Xunit;

namespace Platform.WebUI.Tests.Splits;

public sealed class SplitListTests : MudBlazorContext
{
    private readonly List<string> _created = [];

    private IRenderedComponent<SplitList> RenderList(bool canCreate, params (string, SplitSummary?)[] splits)
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<SplitList>(p => p
            .Add(c => c.LabId, "kidney-lab")
            .Add(c => c.Project, "kits")
            .Add(c => c.Splits, splits)
            .Add(c => c.CanCreate, canCreate)
            .Add(c => c.OnCreate, (string name) => _created.Add(name)));
    }

    [Fact]
    public void Splits_are_listed_with_their_strategy_and_fold_count_and_link_to_their_page()
    {
        var list = RenderList(canCreate: false, ("default", SplitSamples.Saved()), ("imported", null));

        Assert.Equal(["default", "imported"], list.FindAll("[data-testid=split-row-name]").Select(c => c.TextContent.Trim()));
        Assert.Equal("labs/kidney-lab/projects/kits/splits/default", list.Find("[data-testid=split-row-name] a").GetAttribute("href"));
        Assert.Equal("3", list.FindAll("[data-testid=split-row-folds]")[0].TextContent.Trim());
        Assert.Contains("k-fold", list.Find("[data-testid=splits-table]").TextContent);
        Assert.Empty(list.FindAll("[data-testid=split-name-input]"));
    }

    [Fact]
    public void A_scientist_names_a_new_split_and_it_is_opened()
    {
        var list = RenderList(canCreate: true);
        list.Find("input[data-testid=split-name-input]").Input("default");
        list.WaitForAssertion(() => Assert.False(list.Find("[data-testid=new-split-button]").HasAttribute("disabled")));

        list.Find("[data-testid=new-split-button]").Click();

        list.WaitForAssertion(() => Assert.Equal(["default"], _created));
    }

    [Fact]
    public void A_name_that_cannot_be_a_split_is_refused_with_the_rule()
    {
        var list = RenderList(canCreate: true);

        list.Find("input[data-testid=split-name-input]").Input("Default Split");

        list.WaitForAssertion(() =>
        {
            Assert.Contains("lower-case letters", list.Markup);
            Assert.True(list.Find("[data-testid=new-split-button]").HasAttribute("disabled"));
        });
    }
}
