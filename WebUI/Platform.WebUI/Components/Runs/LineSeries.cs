namespace Platform.WebUI.Components.Runs;

/// <summary>One line of a <see cref="LineChart"/>: its legend name, its stroke colour, and its points in data units.</summary>
public sealed record LineSeries(string Name, string Color, IReadOnlyList<ChartPoint> Points);

public readonly record struct ChartPoint(double X, double Y);
