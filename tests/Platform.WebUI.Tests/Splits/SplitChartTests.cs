using Bunit;
using Platform.WebUI.Components.Splits;
using Xunit;

namespace Platform.WebUI.Tests.Splits;

public sealed class SplitChartTests : MudBlazorContext
{
    [Fact]
    public void One_bar_per_fold_gives_its_validation_count_and_one_per_label_the_cases_containing_it()
    {
        var series = SplitChartSeries.Of(SplitSamples.Saved());

        Assert.Equal(["validation cases", "with label 1", "with label 2"], series.Select(s => s.Name));
        Assert.Equal([3.0, 6.0, 6.0], series[0].Data.Values);
        Assert.Equal([3.0, 6.0], series[1].Data.Values.Take(2)); // every validation case of folds 0 and 1 has label 1
        Assert.Equal(0.0, series[2].Data.Values[1]); // fold 1 has no case with label 2
        Assert.Equal(1.0, series[2].Data.Values[0]);
    }

    [Fact]
    public void The_chart_writes_its_values_for_screen_readers()
    {
        var chart = Context.Render<SplitChart>(p => p.Add(c => c.Summary, SplitSamples.Saved()));

        Assert.Equal("validation cases: 3, 6, 6", chart.Find("[data-series='validation cases']").TextContent);
        Assert.Equal(3, chart.FindAll("[data-testid=split-series]").Count);
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
