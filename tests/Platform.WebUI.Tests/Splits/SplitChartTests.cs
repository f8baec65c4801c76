using Bunit;
using Platform.WebUI.Components.Splits;
using Xunit;

namespace Platform.WebUI.Tests.Splits;

public sealed class SplitChartTests : MudBlazorContext
{
    [Fact]
    public void One_bar_per_fold_is_drawn_with_its_height_from_the_validation_count()
    {
        var chart = Context.Render<SplitChart>(p => p.Add(c => c.Summary, SplitSamples.Saved()));

        var bars = chart.FindAll("[data-testid=split-chart] rect[data-testid=fold-bar]");
        Assert.Equal(["0", "1", "2"], bars.Select(b => b.GetAttribute("data-fold")));
        // The largest fold (6 cases) fills the plot; 3 cases fill half of it.
        Assert.Equal(["80", "160", "160"], bars.Select(b => b.GetAttribute("height")));
    }

    [Fact]
    public void Label_presence_bars_share_the_scale_of_the_validation_bars()
    {
        var chart = Context.Render<SplitChart>(p => p.Add(c => c.Summary, SplitSamples.Saved()));

        var labelBars = chart.FindAll("rect[data-testid=label-bar]");
        Assert.Equal(6, labelBars.Count); // 3 folds × labels {1, 2}
        string Height(string fold, string label) =>
            labelBars.Single(b => b.GetAttribute("data-fold") == fold && b.GetAttribute("data-label") == label).GetAttribute("height")!;
        Assert.Equal("80", Height("0", "1"));    // 3 of 6
        Assert.Equal("26.67", Height("0", "2")); // 1 of 6
        Assert.Equal("0", Height("1", "2"));     // fold 1 has no case with label 2
    }

    [Fact]
    public void Bars_stand_on_the_axis_whatever_their_height()
    {
        var chart = Context.Render<SplitChart>(p => p.Add(c => c.Summary, SplitSamples.Saved()));

        foreach (var bar in chart.FindAll("rect"))
            Assert.Equal(170, double.Parse(bar.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture) + double.Parse(bar.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture), 2);
    }

    [Fact]
    public void A_preview_chart_has_its_own_test_id() =>
        Assert.NotNull(Context.Render<SplitChart>(p => p.Add(c => c.Summary, SplitSamples.Saved()).Add(c => c.Preview, true)).Find("[data-testid=preview-split-chart]"));

    [Fact]
    public void The_fold_table_shows_counts_and_the_share_of_validation_cases_with_each_label()
    {
        var table = Context.Render<SplitFoldTable>(p => p.Add(c => c.Summary, SplitSamples.Saved()));

        var rows = table.FindAll("[data-testid=fold-row]");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["12", "9", "9"], table.FindAll("[data-testid=fold-train]").Select(c => c.TextContent));
        Assert.Equal(["3 (100%)", "1 (33%)"], rows[0].QuerySelectorAll("[data-testid=fold-label]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["6 (100%)", "0 (0%)"], rows[1].QuerySelectorAll("[data-testid=fold-label]").Select(c => c.TextContent.Trim()));
        Assert.Contains("2 held out for testing", table.Find("[data-testid=split-totals]").TextContent);
    }
}
