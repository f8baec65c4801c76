using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.LayoutLib.XAxisLib;

namespace Platform.WebUI.Components.Charts;

/// <summary>The look every chart shares: readable font sizes, axis titles, grid, hover, and a mode bar for zoom and export.</summary>
public static class ChartLayouts
{
    private const int FontSize = 13;

    /// <summary>Zoom, pan and PNG export; no Plotly logo; resizes with its container.</summary>
    public static Config Config() => new()
    {
        Responsive = true,
        DisplayLogo = false,
        ModeBarButtonsToRemove = new[] { "lasso2d", "select2d" },
    };

    /// <summary>
    /// A layout with titled axes. Hovering shows every series' value at the hovered x (<paramref name="hoverByX"/>,
    /// for curves over epochs) or the nearest point's.
    /// </summary>
    public static Plotly.Blazor.Layout Of(ChartAxis x, ChartAxis y, bool hoverByX = false, int height = 300, bool categoryX = false) => new()
    {
        Height = height,
        Margin = new Margin { L = 64, R = 16, T = 16, B = 56 },
        Font = new Font { Size = FontSize },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        HoverMode = hoverByX ? HoverModeEnum.X : HoverModeEnum.Closest,
        ShowLegend = true,
        // Above the plot, left-aligned: below it the legend would collide with the x axis title.
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, X = 0, Y = 1.02m, YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom }],
        XAxis = [XAxis(x, categoryX)],
        YAxis = [YAxis(y)],
    };

    /// <summary>
    /// Colours the layout's text and mode bar for a light or dark page. Plotly draws its own SVG: without this, its
    /// default dark grey text is unreadable on the dark theme (the backgrounds are transparent already).
    /// </summary>
    public static void ApplyColorScheme(Plotly.Blazor.Layout layout, bool dark)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var text = Platform.WebUI.Components.Layout.PlatformTheme.TextColor(dark);
        layout.Font ??= new Font { Size = FontSize };
        layout.Font.Color = text;
        layout.ModeBar = new ModeBar { BgColor = "rgba(0,0,0,0)", Color = text, ActiveColor = dark ? "#6cb4e4" : "#1f5f8b" };
    }

    private static XAxis XAxis(ChartAxis axis, bool category) => new()
    {
        Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = axis.Title },
        Type = category ? TypeEnum.Category : axis.Log ? TypeEnum.Log : TypeEnum.Linear,
        HoverFormat = category ? null : axis.Format,
        TickFormat = category ? null : axis.Format,
        AutoMargin = AutoMarginFlag.True,
        Range = Range(axis),
        NTicks = 8,
        ShowGrid = true,
        GridColor = "rgba(128,128,128,0.25)",
        ZeroLine = false,
    };

    private static YAxis YAxis(ChartAxis axis) => new()
    {
        Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = axis.Title },
        Type = axis.Log ? Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log : Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Linear,
        HoverFormat = axis.Format,
        TickFormat = axis.Format,
        AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True,
        Range = Range(axis),
        NTicks = 8,
        ShowGrid = true,
        GridColor = "rgba(128,128,128,0.25)",
        ZeroLine = false,
    };

    private static IList<object>? Range(ChartAxis axis) =>
        axis is { Min: { } min, Max: { } max } ? axis.Log ? [Math.Log10(min), Math.Log10(max)] : [min, max] : null;
}
