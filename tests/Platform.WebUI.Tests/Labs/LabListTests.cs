using Bunit;
using Platform.Grains.Abstractions.Labs;
using Platform.WebUI.Components.Labs;
using Xunit;

namespace Platform.WebUI.Tests.Labs;

public sealed class LabListTests : MudBlazorContext
{
    [Fact]
    public void No_labs_shows_the_empty_state_and_no_table()
    {
        var list = Context.Render<LabList>(p => p.Add(c => c.Labs, []));

        Assert.Contains("No labs yet", list.Find("[data-testid=labs-empty]").TextContent);
        Assert.Empty(list.FindAll("[data-testid=labs-table]"));
    }

    [Fact]
    public void Labs_are_listed_in_the_given_order_with_their_ids()
    {
        var created = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
        LabSummary[] labs = [new("kidney-lab", "Kidney Lab", created, null), new("neuro", "Neuro Imaging", created, null)];

        var list = Context.Render<LabList>(p => p.Add(c => c.Labs, labs));

        var names = list.FindAll("[data-testid=lab-name]").Select(n => n.TextContent.Trim()).ToList();
        Assert.Equal(["Kidney Lab", "Neuro Imaging"], names);
        Assert.Contains("kidney-lab", list.Markup);
        Assert.Contains("2026-11-23 09:30 UTC", list.Markup);
        Assert.Empty(list.FindAll("[data-testid=labs-empty]"));
    }
}
