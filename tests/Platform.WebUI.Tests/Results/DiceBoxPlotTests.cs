using Bunit;
using Plotly.Blazor.Traces;
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

    [Fact]
    public void The_box_is_drawn_from_the_tables_statistics_with_tukey_whiskers()
    {
        var box = new BoxPlotSeries("all cases", Points).ToBox(0);

        Assert.Equal(0.73, box.Median, 6);
        Assert.Equal((0.675, 0.765), (Math.Round(box.LowerQuartile, 6), Math.Round(box.UpperQuartile, 6)));
        // Whiskers reach the extreme values within 1.5 IQR; case_b (0.05) lies beyond and stays a point only.
        Assert.Equal((0.60, 0.80), (box.LowerWhisker, box.UpperWhisker));
        Assert.Equal(" (+1 NaN)", box.Note);
    }

    [Fact]
    public void The_plot_lists_each_box_with_its_median_and_counts_for_screen_readers()
    {
        var plot = Context.Render<DiceBoxPlot>(p => p.Add(c => c.Plot, new LabelBoxPlot(2, [
            new BoxPlotSeries("fold 0", Points), new BoxPlotSeries("fold 1", [new("x", 0.5), new("y", 0.9)]), new BoxPlotSeries("fold 2", [])])));

        var boxes = plot.FindAll("[data-testid=box-plot] li[data-series]");
        Assert.Equal(["fold 0", "fold 1", "fold 2"], boxes.Select(b => b.GetAttribute("data-series")));
        Assert.Equal(["8", "2", "0"], boxes.Select(b => b.GetAttribute("data-points")));
        Assert.Contains("median 0.73", boxes[0].TextContent);
        Assert.Contains("+1 NaN", boxes[0].TextContent);
        Assert.Contains("median 0.7,", boxes[1].TextContent);
        Assert.Contains("no values", boxes[2].TextContent);
        Assert.Equal("2", plot.Find("[data-testid=box-plot]").GetAttribute("data-label"));
    }

    [Fact]
    public void Hovering_a_case_point_names_the_case_and_its_dice()
    {
        var plot = Context.Render<DiceBoxPlot>(p => p.Add(c => c.Plot, new LabelBoxPlot(1, [new BoxPlotSeries("all cases", Points)])));

        var chart = plot.FindComponent<Plotly.Blazor.PlotlyChart>().Instance;
        var points = Assert.IsType<Scatter>(chart.Data[1]);
        Assert.Contains("case_b", points.TextArray);
        Assert.Equal("%{text}: %{y:.3f}<extra>all cases</extra>", points.HoverTemplate);
    }
}
