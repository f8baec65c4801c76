using Platform.Grains.Abstractions.Results;
using Platform.WebUI.Components.Charts;

namespace Platform.WebUI.Components.Results;

/// <summary>One case's value in a box plot (so an outlier dot can say which case it is).</summary>
public sealed record CasePoint(string CaseId, double Value);

/// <summary>One box of a box plot: a run's or a fold's Dice of one label over its cases.</summary>
public sealed record BoxPlotSeries(string Name, IReadOnlyList<CasePoint> Points)
{
    public DiceStatistics Statistics { get; } = DiceStatistics.Of(Points.Select(p => p.Value));

    /// <summary>The box a chart draws, in palette colour <paramref name="colour"/>; NaN cases are counted in its note.</summary>
    public BoxSeries ToBox(int colour) => new(
        Name, colour, Statistics.LowerWhisker, Statistics.LowerQuartile, Statistics.Median, Statistics.UpperQuartile, Statistics.UpperWhisker, Statistics.Mean,
        [.. Points.Select(p => new LabelledValue(p.CaseId, p.Value))], Statistics.NaNCount > 0 ? $" (+{Statistics.NaNCount} NaN)" : "");
}

/// <summary>The boxes of one label, one per run or fold, drawn in one chart.</summary>
public sealed record LabelBoxPlot(int Label, IReadOnlyList<BoxPlotSeries> Series);

/// <summary>Dice statistics of one label over cases, for the summary table.</summary>
public sealed record LabelDiceSummary(int Label, DiceStatistics Statistics);

/// <summary>Groups per-case scores by label for the summary table and the box plots.</summary>
public static class LabelScores
{
    public static IReadOnlyList<int> LabelsOf(IEnumerable<CaseScore> scores) => [.. scores.Select(s => s.Label).Distinct().Order()];

    public static IReadOnlyList<CasePoint> PointsOf(IEnumerable<CaseScore> scores, int label) =>
        [.. scores.Where(s => s.Label == label).OrderBy(s => s.CaseId, StringComparer.Ordinal).Select(s => new CasePoint(s.CaseId, s.Dice))];

    public static IReadOnlyList<LabelDiceSummary> Summaries(IReadOnlyList<CaseScore> scores) =>
        [.. LabelsOf(scores).Select(label => new LabelDiceSummary(label, DiceStatistics.Of(scores.Where(s => s.Label == label).Select(s => s.Dice))))];

    /// <summary>One chart per label with one box per named set of scores (runs, folds); a label missing from a set gets an empty box.</summary>
    public static IReadOnlyList<LabelBoxPlot> BoxPlots(IReadOnlyList<(string Name, IReadOnlyList<CaseScore> Scores)> sets) =>
        [.. LabelsOf(sets.SelectMany(s => s.Scores)).Select(label =>
            new LabelBoxPlot(label, [.. sets.Select(set => new BoxPlotSeries(set.Name, PointsOf(set.Scores, label)))]))];
}
