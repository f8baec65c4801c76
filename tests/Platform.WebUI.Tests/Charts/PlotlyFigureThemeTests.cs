using Bunit;
using Microsoft.AspNetCore.Components;
using Platform.WebUI.Components.Charts;
using Platform.WebUI.Components.Layout;
using Xunit;

namespace Platform.WebUI.Tests.Charts;

public sealed class PlotlyFigureThemeTests : MudBlazorContext
{
    private static ChartFigure Figure() =>
        ChartTraces.Lines([new LineSeries("train loss", 0, [new(0, 1.0), new(1, 0.5)])], new ChartAxis("epoch"), new ChartAxis("loss"));

    private IRenderedComponent<CascadingValue<bool>> Render(bool dark, ChartFigure figure) =>
        Context.Render<CascadingValue<bool>>(p => Page(p, dark, figure));

    private static void Page(ComponentParameterCollectionBuilder<CascadingValue<bool>> page, bool dark, ChartFigure figure) => page
        .Add(c => c.Value, dark)
        .Add(c => c.Name, PlatformTheme.DarkModeCascade)
        .AddChildContent<PlotlyFigure>(f => f.Add(c => c.Figure, figure).Add(c => c.TestId, "loss-chart"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_charts_text_and_mode_bar_take_the_pages_colour_scheme(bool dark)
    {
        var page = Render(dark, Figure());

        var layout = page.FindComponent<Plotly.Blazor.PlotlyChart>().Instance.Layout;
        Assert.Equal(PlatformTheme.TextColor(dark), layout.Font.Color);
        Assert.Equal(PlatformTheme.TextColor(dark), layout.ModeBar.Color);
        Assert.NotEqual(PlatformTheme.TextColor(!dark), layout.Font.Color);
    }

    [Fact]
    public void Switching_the_theme_recolours_a_chart_already_drawn()
    {
        var figure = Figure();
        var page = Render(false, figure);

        page.Render(p => Page(p, true, figure));

        Assert.Equal(PlatformTheme.TextColor(true), page.FindComponent<Plotly.Blazor.PlotlyChart>().Instance.Layout.Font.Color);
    }
}
