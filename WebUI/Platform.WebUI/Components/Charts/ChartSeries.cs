namespace Platform.WebUI.Components.Charts;

/// <summary>A point in data units.</summary>
public readonly record struct ChartPoint(double X, double Y);

/// <summary>One line of a line chart: its legend name, its palette index, and its points in data units.</summary>
public sealed record LineSeries(string Name, int Colour, IReadOnlyList<ChartPoint> Points);

/// <summary>A value with the thing it belongs to (a case, a trial), so hovering a point names it.</summary>
public sealed record LabelledValue(string Label, double Value);

/// <summary>
/// One box of a box plot with its statistics computed by us (so the chart shows exactly the figures of the tables):
/// quartile box, median, Tukey whiskers, mean, and the values themselves as hoverable points. Statistics are NaN
/// when there is no value.
/// </summary>
public sealed record BoxSeries(
    string Name, int Colour, double LowerWhisker, double LowerQuartile, double Median, double UpperQuartile, double UpperWhisker, double Mean,
    IReadOnlyList<LabelledValue> Values, string Note = "");

/// <summary>One group of bars (one bar per category), e.g. the medians of spacing over the axes x, y, z.</summary>
public sealed record BarSeries(string Name, int Colour, IReadOnlyList<double> Values);

/// <summary>
/// One axis of a chart. <paramref name="Format"/> is a <see cref="ChartNumbers"/> d3 format for ticks and hover;
/// <paramref name="Min"/>/<paramref name="Max"/> fix the range (Dice: 0 to 1) where comparing charts by eye matters;
/// <paramref name="Integer"/> puts ticks on whole numbers only (epochs: no "0 0 0 1 1 1" on a two-epoch run).
/// </summary>
public sealed record ChartAxis(string Title, string Format = ChartNumbers.General, double? Min = null, double? Max = null, bool Log = false, bool Integer = false);

/// <summary>One vertical axis of a parallel-coordinates chart: numeric values (NaN where a line has none) or categories.</summary>
public sealed record ParallelAxis(string Title, IReadOnlyList<double> Values, IReadOnlyList<string>? Categories = null, bool Log = false);
