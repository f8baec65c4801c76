using Bunit;
using Plotly.Blazor.Traces;
using Platform.WebUI.Components.Sweeps;
using Xunit;

namespace Platform.WebUI.Tests.Sweeps;

public sealed class SweepChartTests : MudBlazorContext
{
    [Fact]
    public void The_scatter_places_trials_with_a_metric_by_parameter_value_and_metric()
    {
        var figure = SweepFigures.Scatter(SweepSamples.Snapshot(), SweepSamples.Dropout);
        var points = Assert.IsType<Scatter>(Assert.Single(figure.Traces));

        // Trial 3 has no metric yet and is left out.
        Assert.Equal(["trial 0", "trial 1", "trial 2"], points.TextArray);
        Assert.Equal([0.25, 0.0, 0.5], points.X.Cast<double>());
        Assert.Equal([0.5, 0.7, 0.9], points.Y.Cast<double>());
        Assert.Equal(Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Linear, figure.Layout.XAxis[0].Type);
    }

    [Fact]
    public void A_log_uniform_parameter_gets_a_log_axis() =>
        Assert.Equal(Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Log, SweepFigures.Scatter(SweepSamples.Snapshot(), SweepSamples.LearningRate).Layout.XAxis[0].Type);

    [Fact]
    public void A_choice_parameter_places_each_choice_in_its_own_category()
    {
        var figure = SweepFigures.Scatter(SweepSamples.Snapshot(), SweepSamples.Optimiser);

        Assert.Equal(["sgd", "adam", "sgd"], Assert.IsType<Scatter>(figure.Traces[0]).X.Cast<string>());
        Assert.Equal(Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category, figure.Layout.XAxis[0].Type);
    }

    [Fact]
    public void The_best_trial_is_drawn_larger()
    {
        var points = Assert.IsType<Scatter>(SweepFigures.Scatter(SweepSamples.Snapshot(), SweepSamples.Dropout).Traces[0]);

        Assert.Equal([9m, 9m, 14m], points.Marker.SizeArray);
    }

    [Fact]
    public void Parallel_coordinates_have_an_axis_per_parameter_and_the_metric_and_a_line_per_scored_trial()
    {
        var figure = SweepFigures.Parallel(SweepSamples.Snapshot());
        var trace = Assert.IsType<ParCoords>(Assert.Single(figure.Traces));

        Assert.Equal(4, trace.Dimensions.Count); // three parameters and the metric
        Assert.Equal(3, trace.Dimensions[3].Values.Count); // trial 3 has no metric yet
        Assert.Equal(-2.0, (double)trace.Dimensions[0].Values[2], 9); // trial 2: lr 1e-2 on a log axis
        Assert.Equal(["sgd", "adam"], trace.Dimensions[2].TickText.Cast<string>());
        Assert.Equal([0.0, 1.0, 0.0], trace.Dimensions[2].Values.Cast<double>());
    }

    [Fact]
    public void The_charts_render_with_their_test_ids()
    {
        Context.Render<MudBlazor.MudPopoverProvider>();
        var scatter = Context.Render<SweepScatter>(p => p.Add(c => c.Snapshot, SweepSamples.Snapshot()));
        var parallel = Context.Render<SweepParallelCoordinates>(p => p.Add(c => c.Snapshot, SweepSamples.Snapshot()));

        Assert.Equal("3", scatter.Find("[data-testid=sweep-scatter-chart] li").GetAttribute("data-points"));
        Assert.Equal(4, parallel.FindAll("[data-testid=sweep-parallel] li").Count);
    }
}
