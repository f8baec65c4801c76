using System.Globalization;
using Bunit;
using Platform.WebUI.Components.Results;
using Xunit;

namespace Platform.WebUI.Tests.Results;

public sealed class DiceBoxPlotTests : ResultsContext
{
    private static readonly CasePoint[] Points =
    [
        new("case_a", 0.80), new("case_b", 0.05), new("case_c", 0.70), new("case_d", double.NaN), new("case_e", 0.72),
        new("case_f", 0.74), new("case_g", 0.60), new("case_h", 0.76), new("case_i", 0.78),
    ];

    private static double Attribute(AngleSharp.Dom.IElement element, string name) =>
        double.Parse(element.GetAttribute(name)!, CultureInfo.InvariantCulture);

    // The plot spans 160 units from y = 12 (Dice 1) to y = 172 (Dice 0).
    private static double Y(double dice) => 12 + (1 - dice) * 160;

    private IRenderedComponent<DiceBoxPlot> Render(params BoxPlotSeries[] series) =>
        Context.Render<DiceBoxPlot>(p => p.Add(c => c.Plot, new LabelBoxPlot(2, series)));

    [Fact]
    public void The_median_line_and_quartile_box_sit_at_the_data_s_quartiles()
    {
        var plot = Render(new BoxPlotSeries("all cases", Points));

        var median = plot.Find("[data-testid=box-median]");
        Assert.Equal(Y(0.73), Attribute(median, "y1"), 2);
        Assert.Equal(Y(0.73), Attribute(median, "y2"), 2);
        var box = plot.Find("[data-testid=box-quartiles]");
        Assert.Equal(Y(0.765), Attribute(box, "y"), 2);
        Assert.Equal(Y(0.675) - Y(0.765), Attribute(box, "height"), 2);
    }

    [Fact]
    public void Whiskers_run_from_the_box_to_the_extreme_values_within_the_fences()
    {
        var plot = Render(new BoxPlotSeries("all cases", Points));

        var whiskers = plot.FindAll("[data-testid=box-whisker]");
        Assert.Equal(2, whiskers.Count);
        Assert.Equal(Y(0.60), Attribute(whiskers[0], "y1"), 2);
        Assert.Equal(Y(0.675), Attribute(whiskers[0], "y2"), 2);
        Assert.Equal(Y(0.765), Attribute(whiskers[1], "y1"), 2);
        Assert.Equal(Y(0.80), Attribute(whiskers[1], "y2"), 2);
    }

    [Fact]
    public void Only_values_beyond_the_whiskers_are_dots_and_they_name_their_case()
    {
        var plot = Render(new BoxPlotSeries("all cases", Points));

        var outlier = Assert.Single(plot.FindAll("[data-testid=box-outlier]"));
        Assert.Equal("case_b", outlier.GetAttribute("data-case"));
        Assert.Equal(Y(0.05), Attribute(outlier, "cy"), 2);
        Assert.Contains("case_b", outlier.TextContent);
        Assert.Contains("+1 NaN", plot.Find("[data-testid=box]").TextContent);
    }

    [Fact]
    public void Each_series_gets_its_own_box_in_its_own_slot()
    {
        var plot = Render(new BoxPlotSeries("fold 0", Points), new BoxPlotSeries("fold 1", [new("x", 0.5), new("y", 0.9)]), new BoxPlotSeries("fold 2", []));

        Assert.Equal(["fold 0", "fold 1", "fold 2"], plot.FindAll("[data-testid=box]").Select(b => b.GetAttribute("data-series")));
        var medians = plot.FindAll("[data-testid=box-median]");
        Assert.Equal(2, medians.Count);
        Assert.True(Attribute(medians[1], "x1") > Attribute(medians[0], "x2"), "the second box lies right of the first");
        Assert.Equal(Y(0.7), Attribute(medians[1], "y1"), 2);
        Assert.Contains("no values", plot.FindAll("[data-testid=box]")[2].TextContent);
        Assert.Equal("2", plot.Find("svg[data-testid=box-plot]").GetAttribute("data-label"));
    }
}
