using Bunit;
using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class DiceSummaryTableTests : ResultsContext
{
    [Fact]
    public void Each_label_s_figures_leave_NaN_cases_out_and_show_how_many_there_were()
    {
        var scores = new[]
        {
            Score("a", 1, 0.9), Score("b", 1, 0.7), Score("c", 1, double.NaN),
            Score("a", 2, 0.2), Score("b", 2, 0.4), Score("c", 2, 0.9),
        };

        var table = Context.Render<DiceSummaryTable>(p => p.Add(c => c.Summaries, LabelScores.Summaries(scores)));

        var rows = table.FindAll("[data-testid=dice-summary-row]");
        Assert.Equal(["1", "2"], rows.Select(r => r.GetAttribute("data-label")));
        string Cell(int row, string id) => rows[row].QuerySelector($"[data-testid={id}]")!.TextContent.Trim();
        Assert.Equal(("2", "1", "0.800", "0.800", "0.100"), (Cell(0, "summary-count"), Cell(0, "summary-nan"), Cell(0, "summary-mean"), Cell(0, "summary-median"), Cell(0, "summary-std")));
        Assert.Equal(("3", "0", "0.500", "0.400", "0.200", "0.900"), (Cell(1, "summary-count"), Cell(1, "summary-nan"), Cell(1, "summary-mean"), Cell(1, "summary-median"), Cell(1, "summary-min"), Cell(1, "summary-max")));
        Assert.Contains("left out", table.Find("[data-testid=dice-nan-note]").TextContent);
    }

    [Fact]
    public void A_label_without_any_defined_Dice_shows_NaN_figures_and_its_cases_as_NaN()
    {
        var table = Context.Render<DiceSummaryTable>(p => p.Add(c => c.Summaries, LabelScores.Summaries([Score("a", 3, double.NaN), Score("b", 3, double.NaN)])));

        var row = table.Find("[data-testid=dice-summary-row]");
        Assert.Equal("0", row.QuerySelector("[data-testid=summary-count]")!.TextContent);
        Assert.Equal("2", row.QuerySelector("[data-testid=summary-nan]")!.TextContent);
        Assert.Equal("NaN", row.QuerySelector("[data-testid=summary-mean]")!.TextContent);
    }
}
