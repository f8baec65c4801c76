using Bunit;
using MudBlazor;
using Platform.WebUI.Components.Runs;
using Xunit;

namespace Platform.WebUI.Tests.Runs;

public sealed class StartRunFormTests : MudBlazorContext
{
    private readonly List<NewRun> _started = [];

    private IRenderedComponent<StartRunForm> RenderForm(IReadOnlyList<string> splits)
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<StartRunForm>(p => p
            .Add(c => c.Plans, new Dictionary<string, int> { ["tiny"] = 3, ["big"] = 1 })
            .Add(c => c.Splits, splits)
            .Add(c => c.OnStart, run => _started.Add(run)));
    }

    [Theory]
    [InlineData("all", true, null)]
    [InlineData("", true, null)]
    [InlineData("2", true, 2)]
    [InlineData("-1", false, null)]
    [InlineData("two", false, null)]
    public void Folds_are_a_number_or_all(string text, bool valid, int? fold)
    {
        Assert.Equal(valid, StartRunForm.ParseFold(text, out var parsed));
        Assert.Equal(fold, parsed);
    }

    [Fact]
    public void Starting_with_the_defaults_trains_fold_0_of_the_first_split_on_the_first_plans_latest_version()
    {
        var form = RenderForm(["default", "other"]);

        Assert.Equal("3", form.Find("input[data-testid=start-run-version-input]").GetAttribute("value"));
        form.Find("button[data-testid=start-run-button]").Click();

        form.WaitForAssertion(() => Assert.Equal(new NewRun("tiny", 3, "default", 0, null, null, 0), Assert.Single(_started)));
    }

    [Fact]
    public void Without_a_split_the_default_is_fold_all()
    {
        var form = RenderForm([]);

        form.Find("button[data-testid=start-run-button]").Click();

        form.WaitForAssertion(() => Assert.Equal(new NewRun("tiny", 3, null, null, null, null, 0), Assert.Single(_started)));
    }

    [Fact]
    public void A_project_without_plans_says_to_create_one_first() =>
        Assert.NotNull(Context.Render<StartRunForm>(p => p
            .Add(c => c.Plans, new Dictionary<string, int>())
            .Add(c => c.Splits, [])
            .Add(c => c.OnStart, _ => { })).Find("[data-testid=start-run-no-plans]"));
}
