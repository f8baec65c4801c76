using Bunit;
using Platform.WebUI.Components.Runs;
using Xunit;

namespace Platform.WebUI.Tests.Runs;

public sealed class LineChartTests : MudBlazorContext
{
    private IRenderedComponent<LineChart> RenderChart(params LineSeries[] series) =>
        Context.Render<LineChart>(p => p.Add(c => c.Title, "Loss").Add(c => c.TestId, "loss-chart").Add(c => c.Series, series));

    private static LineSeries Series(string name, params double[] ys) =>
        new(name, "#000", ys.Select((y, x) => new ChartPoint(x, y)).ToList());

    [Fact]
    public void Each_series_is_a_polyline_with_one_point_per_epoch_scaled_into_the_plot_area()
    {
        var chart = RenderChart(Series("train loss", 1.0, 0.5, 0.0));

        var line = chart.Find("[data-testid=loss-chart] polyline");
        Assert.Equal("3", line.GetAttribute("data-points"));
        // x: epochs 0..2 span the plot's 56..588 px; y: 1.0 is its top (12 px), 0.0 its bottom (212 px).
        Assert.Equal("56,12 322,112 588,212", line.GetAttribute("points"));
    }

    [Fact]
    public void Series_share_one_y_axis_so_a_lower_line_is_drawn_lower()
    {
        var chart = RenderChart(Series("train loss", 2.0, 1.0), Series("validation loss", 1.0, 0.0));

        var lines = chart.FindAll("polyline");
        Assert.Equal(["train loss", "validation loss"], lines.Select(l => l.GetAttribute("data-series")));
        Assert.Equal("56,12 588,112", lines[0].GetAttribute("points"));
        Assert.Equal("56,112 588,212", lines[1].GetAttribute("points"));
        Assert.Equal("2", chart.Find("[data-testid=chart-max-y]").TextContent);
        Assert.Equal("0", chart.Find("[data-testid=chart-min-y]").TextContent);
    }

    [Fact]
    public void A_single_epoch_is_drawn_in_the_middle_and_a_flat_line_mid_height()
    {
        var chart = RenderChart(Series("learning rate", 0.01));

        Assert.Equal("322,112", chart.Find("polyline").GetAttribute("points"));
    }

    [Fact]
    public void Non_finite_values_are_left_out_of_the_line()
    {
        var chart = RenderChart(Series("train loss", 1.0, double.NaN, 0.0));

        Assert.Equal("2", chart.Find("polyline").GetAttribute("data-points"));
    }

    [Fact]
    public void Without_points_the_chart_says_so_instead_of_drawing()
    {
        var chart = RenderChart(Series("train loss"));

        Assert.Empty(chart.FindAll("polyline"));
        Assert.NotNull(chart.Find("[data-testid=loss-chart-empty]"));
    }
}
