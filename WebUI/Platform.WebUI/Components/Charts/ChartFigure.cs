using Plotly.Blazor;

namespace Platform.WebUI.Components.Charts;

/// <summary>
/// Everything one chart draws: Plotly traces and layout, plus one line per series saying what it holds. The summary is
/// rendered as text for screen readers (Plotly draws an unlabelled SVG) and lets tests count points without a browser.
/// </summary>
public sealed record ChartFigure(IList<ITrace> Traces, Plotly.Blazor.Layout Layout, IReadOnlyList<ChartSeriesSummary> Summary)
{
    /// <summary>True when no series has a point to draw (the chart shows its empty note instead).</summary>
    public bool IsEmpty => Summary.All(s => s.Points == 0);
}

/// <summary>One series of a chart: its name, how many points it draws, and a sentence describing it.</summary>
public sealed record ChartSeriesSummary(string Name, int Points, string Description);
