using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Platform.WebUI.Components.Charts;

/// <summary>
/// The one place that turns the platform's data into Plotly figures: lines over epochs, box plots, grouped bars with
/// their values, scatter and parallel coordinates. Pure (no JS), so what a chart shows is tested as plain C#.
/// Non-finite values are left out of every trace (JSON has no NaN, and an undefined Dice is not a point).
/// </summary>
public static class ChartTraces
{
    /// <summary>One line per series over a shared x axis; hovering shows every line's value at that x.</summary>
    public static ChartFigure Lines(IReadOnlyList<LineSeries> series, ChartAxis x, ChartAxis y)
    {
        var traces = new List<ITrace>();
        var summary = new List<ChartSeriesSummary>();
        foreach (var line in series)
        {
            var points = line.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
            traces.Add(new Scatter
            {
                Name = line.Name,
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                X = [.. points.Select(p => (object)p.X)],
                Y = [.. points.Select(p => (object)p.Y)],
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = ChartPalette.Colour(line.Colour), Width = 2 },
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = ChartPalette.Colour(line.Colour), Size = 5 },
                HoverTemplate = $"{line.Name}: %{{y:{y.Format}}}<extra></extra>",
            });
            summary.Add(new(line.Name, points.Count, points.Count == 0
                ? $"{line.Name}: no points"
                : $"{line.Name}: {points.Count} points, last {ChartNumbers.Text(points[^1].Y)} at {x.Title} {ChartNumbers.Text(points[^1].X)}"));
        }

        var layout = ChartLayouts.Of(x, y, hoverByX: true);
        if (x.Integer)
            layout.XAxis[0].DTick = IntegerStep(series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X)).Select(p => p.X).ToList());
        return new ChartFigure(traces, layout, summary);
    }

    /// <summary>A tick step of 1, 2 or 5 times a power of ten giving at most about eight ticks over the values' span (at least 1).</summary>
    public static decimal IntegerStep(IReadOnlyList<double> values)
    {
        var span = values.Count == 0 ? 0 : values.Max() - values.Min();
        for (decimal step = 1; ; step *= 10)
        {
            foreach (var factor in new[] { 1m, 2m, 5m })
            {
                if ((double)(step * factor) * 8 >= span)
                    return step * factor;
            }
        }
    }

    /// <summary>
    /// One box per series at its name on the x axis, drawn from the statistics given (not recomputed by Plotly, whose
    /// quartile method differs from numpy's), with every value as a point that names its case on hover.
    /// </summary>
    public static ChartFigure Boxes(IReadOnlyList<BoxSeries> boxes, ChartAxis y)
    {
        var traces = new List<ITrace>();
        var summary = new List<ChartSeriesSummary>();
        foreach (var box in boxes)
        {
            var values = box.Values.Where(v => double.IsFinite(v.Value)).ToList();
            var colour = ChartPalette.Colour(box.Colour);
            if (values.Count > 0)
            {
                traces.Add(new Box
                {
                    Name = box.Name,
                    LegendGroup = box.Name,
                    X = [box.Name],
                    Q1 = [box.LowerQuartile],
                    Median = [box.Median],
                    Q3 = [box.UpperQuartile],
                    LowerFence = [box.LowerWhisker],
                    UpperFence = [box.UpperWhisker],
                    Mean = [box.Mean],
                    BoxPoints = Plotly.Blazor.Traces.BoxLib.BoxPointsEnum.False,
                    FillColor = "rgba(0,0,0,0)",
                    Line = new Plotly.Blazor.Traces.BoxLib.Line { Color = colour, Width = 2 },
                    YHoverFormat = y.Format,
                });
                traces.Add(new Scatter
                {
                    Name = box.Name,
                    LegendGroup = box.Name,
                    ShowLegend = false,
                    Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                    X = [.. values.Select(_ => (object)box.Name)],
                    Y = [.. values.Select(v => (object)v.Value)],
                    TextArray = [.. values.Select(v => v.Label)],
                    Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = colour, Size = 6, Opacity = 0.6m },
                    HoverTemplate = $"%{{text}}: %{{y:{y.Format}}}<extra>{box.Name}</extra>",
                });
            }

            summary.Add(new(box.Name, values.Count, values.Count == 0
                ? $"{box.Name}: no values{box.Note}"
                : $"{box.Name}: median {ChartNumbers.Text(box.Median)}, quartiles {ChartNumbers.Text(box.LowerQuartile)} to {ChartNumbers.Text(box.UpperQuartile)}, {values.Count} values{box.Note}"));
        }

        var layout = ChartLayouts.Of(new ChartAxis(""), y, categoryX: true);
        layout.ShowLegend = false;
        layout.XAxis[0].CategoryOrder = Plotly.Blazor.LayoutLib.XAxisLib.CategoryOrderEnum.Array;
        layout.XAxis[0].CategoryArray = [.. boxes.Select(b => (object)b.Name)];
        return new ChartFigure(traces, layout, summary);
    }

    /// <summary>Grouped bars, one group per category, each bar labelled with its value (so nothing has to be read off the axis).</summary>
    public static ChartFigure Bars(IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series, ChartAxis y)
    {
        var traces = series.Select(s => (ITrace)new Bar
        {
            Name = s.Name,
            X = [.. categories.Cast<object>()],
            Y = [.. s.Values.Select(v => (object)(double.IsFinite(v) ? v : 0))],
            TextArray = [.. s.Values.Select(ChartNumbers.Text)],
            TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside,
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = ChartPalette.Colour(s.Colour) },
            HoverTemplate = $"%{{x}}, {s.Name}: %{{y:{y.Format}}}<extra></extra>",
        }).ToList();
        var summary = series.Select(s => new ChartSeriesSummary(s.Name, s.Values.Count,
            $"{s.Name}: " + string.Join(", ", categories.Zip(s.Values, (c, v) => $"{c} {ChartNumbers.Text(v)}")))).ToList();
        var layout = ChartLayouts.Of(new ChartAxis(""), y, categoryX: true);
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Group;
        // Every value label at one readable size (Plotly would otherwise shrink each to its bar's width).
        layout.UniformText = new Plotly.Blazor.LayoutLib.UniformText { MinSize = 11, Mode = Plotly.Blazor.LayoutLib.UniformTextLib.ModeEnum.Show };
        return new ChartFigure(traces, layout, summary);
    }

    /// <summary>
    /// Points of one series against x (numbers, or categories when <paramref name="categoryX"/>), each naming itself
    /// on hover; highlighted points (the best trial) are drawn larger in a second colour.
    /// </summary>
    public static ChartFigure Points(IReadOnlyList<(object X, double Y, string Label, bool Highlight)> points, ChartAxis x, ChartAxis y, bool categoryX = false)
    {
        var shown = points.Where(p => double.IsFinite(p.Y)).ToList();
        var trace = new Scatter
        {
            Name = y.Title,
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            X = [.. shown.Select(p => p.X)],
            Y = [.. shown.Select(p => (object)p.Y)],
            TextArray = [.. shown.Select(p => p.Label)],
            Marker = new Plotly.Blazor.Traces.ScatterLib.Marker
            {
                ColorArray = [.. shown.Select(p => (object)ChartPalette.Colour(p.Highlight ? 2 : 0))],
                SizeArray = [.. shown.Select(p => (decimal?)(p.Highlight ? 14 : 9))],
            },
            HoverTemplate = $"%{{text}}<br>{x.Title}: %{{x}}<br>{y.Title}: %{{y:{y.Format}}}<extra></extra>",
        };
        var layout = ChartLayouts.Of(x, y, categoryX: categoryX);
        layout.ShowLegend = false;
        return new ChartFigure([trace], layout,
            [new(y.Title, shown.Count, string.Join("; ", shown.Select(p => $"{p.Label}: {p.X} → {ChartNumbers.Text(p.Y)}")))]);
    }

    /// <summary>
    /// Parallel coordinates: one axis per <see cref="ParallelAxis"/>, one line per index into their values, coloured by
    /// <paramref name="colourBy"/> (darker is higher). Plotly has no log axis here, so a log axis plots log10 of its
    /// values and labels its ticks with the values themselves; categories plot their index and are labelled by name.
    /// Every value must be finite (Plotly cannot leave a gap in a line): the caller leaves out lines that lack one.
    /// </summary>
    public static ChartFigure Parallel(IReadOnlyList<ParallelAxis> axes, IReadOnlyList<double> colourBy, string colourTitle)
    {
        var dimensions = axes.Select(Dimension).ToList();
        var trace = new ParCoords
        {
            Name = colourTitle,
            Dimensions = dimensions,
            Line = new Plotly.Blazor.Traces.ParCoordsLib.Line
            {
                ColorArray = [.. colourBy.Cast<object>()],
                ColorScale = "Blues",
                ShowScale = true,
            },
        };
        var layout = new Plotly.Blazor.Layout
        {
            Height = 340,
            Margin = new Plotly.Blazor.LayoutLib.Margin { L = 64, R = 64, T = 48, B = 24 },
            Font = new Plotly.Blazor.LayoutLib.Font { Size = 13 },
            PaperBgColor = "rgba(0,0,0,0)",
        };
        return new ChartFigure([trace], layout,
            [.. axes.Select(a => new ChartSeriesSummary(a.Title, a.Values.Count(double.IsFinite),
                $"{a.Title}: " + string.Join(", ", a.Values.Select(v => a.Categories is { } c ? c[(int)v] : ChartNumbers.Text(v)))))]);
    }

    private static Plotly.Blazor.Traces.ParCoordsLib.Dimension Dimension(ParallelAxis axis)
    {
        if (axis.Categories is { } categories)
        {
            return new()
            {
                Label = axis.Title,
                Values = [.. axis.Values.Cast<object>()],
                Range = [-0.5, Math.Max(categories.Count - 0.5, 0.5)],
                TickVals = [.. categories.Select((_, i) => (object)i)],
                TickText = [.. categories.Cast<object>()],
            };
        }

        if (!axis.Log)
            return new() { Label = axis.Title, Values = [.. axis.Values.Cast<object>()], TickFormat = ChartNumbers.General, Range = RangeOf(axis.Values) };
        var logs = axis.Values.Select(Math.Log10).ToList();
        var ticks = logs.Count == 0 ? [] : Enumerable.Range((int)Math.Floor(logs.Min()), (int)Math.Ceiling(logs.Max()) - (int)Math.Floor(logs.Min()) + 1).Select(e => (double)e).ToList();
        return new()
        {
            Label = axis.Title + " (log)",
            Values = [.. logs.Cast<object>()],
            Range = RangeOf(logs),
            TickVals = [.. ticks.Cast<object>()],
            TickText = [.. ticks.Select(e => (object)ChartNumbers.Text(Math.Pow(10, e)))],
        };
    }

    // A single value gets a range around it (Plotly would otherwise draw a zero-height axis).
    private static IList<object>? RangeOf(IReadOnlyList<double> values) =>
        values.Count == 0 ? null : values.Min() == values.Max() ? [values.Min() - 0.5, values.Max() + 0.5] : [values.Min(), values.Max()];
}
