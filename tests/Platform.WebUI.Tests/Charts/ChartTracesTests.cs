using Plotly.Blazor.Traces;
using Platform.WebUI.Components.Charts;
using Xunit;

namespace Platform.WebUI.Tests.Charts;

public sealed class ChartTracesTests
{
    [Fact]
    public void Lines_leave_out_non_finite_points_and_say_how_many_they_draw()
    {
        var figure = ChartTraces.Lines(
            [new LineSeries("train loss", 0, [new(0, 1.0), new(1, double.NaN), new(2, 0.25)])], new ChartAxis("epoch"), new ChartAxis("loss"));

        var line = Assert.IsType<Scatter>(Assert.Single(figure.Traces));
        Assert.Equal([0.0, 2.0], line.X.Cast<double>());
        Assert.Equal([1.0, 0.25], line.Y.Cast<double>());
        var summary = Assert.Single(figure.Summary);
        Assert.Equal(("train loss", 2), (summary.Name, summary.Points));
        Assert.Equal("train loss: 2 points, last 0.25 at epoch 2", summary.Description);
    }

    [Fact]
    public void Lines_hover_their_value_in_the_axis_format_and_share_one_palette_by_index()
    {
        var figure = ChartTraces.Lines(
            [new LineSeries("a", 0, [new(0, 0.5)]), new LineSeries("b", 1, [new(0, 0.5)])], new ChartAxis("epoch"), new ChartAxis("Dice", ChartNumbers.Score, 0, 1));

        var lines = figure.Traces.Cast<Scatter>().ToList();
        Assert.Equal("a: %{y:.3f}<extra></extra>", lines[0].HoverTemplate);
        Assert.Equal([ChartPalette.Colour(0), ChartPalette.Colour(1)], lines.Select(l => l.Line.Color));
        Assert.NotEqual(lines[0].Line.Color, lines[1].Line.Color);
        Assert.Equal([0.0, 1.0], figure.Layout.YAxis[0].Range.Cast<double>());
        Assert.Equal("Dice", figure.Layout.YAxis[0].Title.Text);
    }

    [Fact]
    public void An_integer_axis_ticks_whole_numbers_at_most_about_eight_times()
    {
        Assert.Equal(1m, ChartTraces.IntegerStep([0, 1]));
        Assert.Equal(2m, ChartTraces.IntegerStep([0, 12]));
        Assert.Equal(200m, ChartTraces.IntegerStep([0, 999]));
        var figure = ChartTraces.Lines([new LineSeries("a", 0, [new(0, 1), new(1, 2)])], new ChartAxis("epoch", "d", Integer: true), new ChartAxis("y"));
        Assert.Equal(1m, figure.Layout.XAxis[0].DTick);
    }

    [Fact]
    public void A_figure_without_points_is_empty()
    {
        Assert.True(ChartTraces.Lines([new LineSeries("a", 0, [new(0, double.NaN)])], new ChartAxis("x"), new ChartAxis("y")).IsEmpty);
        Assert.False(ChartTraces.Lines([new LineSeries("a", 0, [new(0, 1)])], new ChartAxis("x"), new ChartAxis("y")).IsEmpty);
    }

    [Fact]
    public void Boxes_draw_the_statistics_given_and_every_finite_value_as_a_point_naming_its_case()
    {
        var box = new BoxSeries("fold 0", 1, 0.6, 0.675, 0.73, 0.765, 0.8, 0.7,
            [new("case_a", 0.8), new("case_b", 0.05), new("case_d", double.NaN)], " (+1 NaN)");

        var figure = ChartTraces.Boxes([box, new BoxSeries("fold 1", 2, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, [])], new ChartAxis("Dice", ChartNumbers.Score));

        var drawn = Assert.IsType<Box>(figure.Traces[0]);
        Assert.Equal((0.675, 0.73, 0.765, 0.6, 0.8), ((double)drawn.Q1[0], (double)drawn.Median[0], (double)drawn.Q3[0], (double)drawn.LowerFence[0], (double)drawn.UpperFence[0]));
        var points = Assert.IsType<Scatter>(figure.Traces[1]);
        Assert.Equal(["case_a", "case_b"], points.TextArray);
        Assert.Equal([0.8, 0.05], points.Y.Cast<double>());
        Assert.Equal(2, figure.Traces.Count); // the empty fold draws nothing …
        Assert.Equal(["fold 0", "fold 1"], figure.Layout.XAxis[0].CategoryArray.Cast<string>()); // … but keeps its slot
        Assert.Equal("fold 0: median 0.73, quartiles 0.675 to 0.765, 2 values (+1 NaN)", figure.Summary[0].Description);
        Assert.Equal("fold 1: no values", figure.Summary[1].Description);
    }

    [Fact]
    public void Bars_carry_their_values_as_text()
    {
        var figure = ChartTraces.Bars(["x", "y", "z"], [new BarSeries("median", 0, [0.8, 0.8, 3])], new ChartAxis("mm"));

        var bar = Assert.IsType<Bar>(Assert.Single(figure.Traces));
        Assert.Equal(["0.8", "0.8", "3"], bar.TextArray);
        Assert.Equal("median: x 0.8, y 0.8, z 3", Assert.Single(figure.Summary).Description);
    }

    [Fact]
    public void Parallel_log_axes_plot_decades_evenly_and_label_ticks_with_the_values()
    {
        var figure = ChartTraces.Parallel(
            [new ParallelAxis("lr", [1e-4, 1e-2], Log: true), new ParallelAxis("optimiser", [1, 0], ["sgd", "adam"])], [0.5, 0.9], "metric");

        var trace = Assert.IsType<ParCoords>(Assert.Single(figure.Traces));
        Assert.Equal([-4.0, -2.0], trace.Dimensions[0].Values.Cast<double>().Select(v => Math.Round(v, 9)));
        Assert.Equal(["0.0001", "0.001", "0.01"], trace.Dimensions[0].TickText.Cast<string>());
        Assert.Equal(["sgd", "adam"], trace.Dimensions[1].TickText.Cast<string>());
        Assert.Equal("optimiser: adam, sgd", figure.Summary[1].Description);
    }

    [Fact]
    public void Numbers_are_invariant_and_short() =>
        Assert.Equal(["0.01", "1235", "NaN", "∞"], new[] { 0.01, 1234.56, double.NaN, double.PositiveInfinity }.Select(ChartNumbers.Text));
}
