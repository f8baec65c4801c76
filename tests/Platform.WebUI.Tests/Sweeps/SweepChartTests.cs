using System.Globalization;
using Bunit;
using Platform.WebUI.Components.Sweeps;
using Xunit;

namespace Platform.WebUI.Tests.Sweeps;

public sealed class SweepChartTests : MudBlazorContext
{
    private const double Left = SweepScatter.PlotLeft, Width = SweepScatter.PlotWidth, Top = SweepScatter.PlotTop, Height = SweepScatter.PlotHeight;

    private IRenderedComponent<SweepScatter> RenderScatter(string parameter)
    {
        Context.Render<MudBlazor.MudPopoverProvider>();
        return Context.Render<SweepScatter>(p => p.Add(c => c.Snapshot, SweepSamples.Snapshot()).Add(c => c.InitialParameter, parameter));
    }

    private static Dictionary<string, (double X, double Y)> Points(IRenderedComponent<SweepScatter> scatter) =>
        scatter.FindAll("circle[data-testid=scatter-point]").ToDictionary(
            c => c.GetAttribute("data-trial")!,
            c => (double.Parse(c.GetAttribute("cx")!, CultureInfo.InvariantCulture), double.Parse(c.GetAttribute("cy")!, CultureInfo.InvariantCulture)));

    [Fact]
    public void The_scatter_places_trials_with_a_metric_by_a_uniform_parameter_and_the_metric()
    {
        var points = Points(RenderScatter(SweepSamples.Dropout.Path));

        // Trial 3 has no metric yet and is left out. Dropout 0..0.5 spans the width; metric 0.5..0.9 the height.
        Assert.Equal(["0", "1", "2"], points.Keys.Order());
        Assert.Equal((Left + Width / 2, Top + Height), points["0"]);    // 0.25, 0.50 (lowest metric at the bottom)
        Assert.Equal((Left, Top + Height / 2), points["1"]);             // 0,    0.70
        Assert.Equal((Left + Width, Top), points["2"]);                  // 0.5,  0.90
    }

    [Fact]
    public void A_log_uniform_parameter_gets_a_log_axis_where_decades_are_evenly_spaced()
    {
        var scatter = RenderScatter(SweepSamples.LearningRate.Path);
        var points = Points(scatter);

        Assert.Equal(Left + Width / 2, points["0"].X, 6); // 1e-3 is half way between 1e-4 and 1e-2
        Assert.Equal(Left, points["1"].X, 6);
        Assert.Equal(Left + Width, points["2"].X, 6);
        Assert.Contains("log scale", scatter.Markup);
    }

    [Fact]
    public void A_choice_parameter_places_each_choice_in_its_own_column()
    {
        var points = Points(RenderScatter(SweepSamples.Optimiser.Path));

        Assert.Equal(Left + Width / 4, points["0"].X);      // "sgd", first of two
        Assert.Equal(Left + 3 * Width / 4, points["1"].X);  // "adam"
    }

    [Fact]
    public void The_best_trial_is_drawn_larger()
    {
        var scatter = RenderScatter(SweepSamples.Dropout.Path);

        var best = Assert.Single(scatter.FindAll("circle[data-best=true]"));
        Assert.Equal("2", best.GetAttribute("data-trial"));
        Assert.Equal("7", best.GetAttribute("r"));
    }

    [Fact]
    public void Parallel_coordinates_draw_one_line_per_trial_through_every_axis()
    {
        var chart = Context.Render<SweepParallelCoordinates>(p => p.Add(c => c.Snapshot, SweepSamples.Snapshot()));

        Assert.Equal(4, chart.FindAll("[data-testid=parallel-axis]").Count); // three parameters and the metric
        var lines = chart.FindAll("polyline[data-testid=parallel-line]").ToDictionary(l => l.GetAttribute("data-trial")!, l => l.GetAttribute("points")!.Split(' '));
        Assert.Equal(4, lines.Count);
        Assert.Equal(4, lines["2"].Length);
        Assert.Equal(3, lines["3"].Length); // no metric yet: the line stops at the last parameter
        var spacing = SweepParallelCoordinates.AxisSpacing(4);
        // Trial 2: lr 1e-2 (top), dropout 0.5 (top), "sgd" (first choice: 3/4 down), best metric (top).
        Assert.Equal(
            [$"40,10", $"{Fmt(40 + spacing)},10", $"{Fmt(40 + 2 * spacing)},175", $"{Fmt(40 + 3 * spacing)},10"],
            lines["2"]);
    }

    private static string Fmt(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
