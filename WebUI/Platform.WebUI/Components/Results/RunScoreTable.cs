using System.Globalization;
using Platform.Grains.Abstractions.Results;

namespace Platform.WebUI.Components.Results;

/// <summary>The per-case table of runs: a case's mean Dice over its labels, then the Dice of each label (IoU and counts in the tooltip).</summary>
public static class RunScoreTable
{
    public const string MeanKey = "mean";

    public static string LabelKey(int label) => $"label-{label}";

    public static IReadOnlyList<ScoreColumn> Columns(IReadOnlyList<int> labels) =>
    [
        new(MeanKey, "Mean Dice", "case-mean-dice"),
        .. labels.Select(label => new ScoreColumn(LabelKey(label), $"Label {label}", "case-dice", label)),
    ];

    /// <summary>One row per case of <paramref name="scores"/>; <paramref name="runId"/> is the run its viewer link opens.</summary>
    public static IReadOnlyList<CaseScoreRow> Rows(IEnumerable<CaseScore> scores, string? runId, int? fold = null) =>
        [.. scores.GroupBy(s => s.CaseId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, [.. g], runId, fold))];

    private static CaseScoreRow Row(string caseId, IReadOnlyList<CaseScore> scores, string? runId, int? fold)
    {
        var cells = new Dictionary<string, ScoreCell>
        {
            [MeanKey] = new(DiceStatistics.MeanOf(scores.Select(s => s.Dice)), "Mean over the labels with a defined Dice"),
        };
        foreach (var score in scores)
            cells[LabelKey(score.Label)] = new ScoreCell(score.Dice, Detail(score));
        return new CaseScoreRow(caseId, runId, fold, cells);
    }

    private static string Detail(CaseScore s) => string.Create(CultureInfo.InvariantCulture,
        $"IoU {ScoreFormat.Value(s.IoU)} · TP {s.TruePositives:N0}, FP {s.FalsePositives:N0}, FN {s.FalseNegatives:N0} · predicted {s.PredictedVoxels:N0}, reference {s.ReferenceVoxels:N0} voxels");
}
