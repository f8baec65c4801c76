using Microsoft.AspNetCore.Components;
using Platform.Grains.Abstractions.Results;

namespace Platform.WebUI.Components.Results;

public sealed partial class FoldDiceTable
{
    /// <summary>The folds that have scores. Required.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<FoldScores> Folds { get; set; } = [];

    private IReadOnlyList<CaseScore> Pooled => [.. Folds.SelectMany(f => f.Scores)];

    private IReadOnlyList<int> Labels => LabelScores.LabelsOf(Pooled);

    private static int CaseCount(IEnumerable<CaseScore> scores) => scores.Select(s => s.CaseId).Distinct(StringComparer.Ordinal).Count();

    private static double Mean(IEnumerable<CaseScore> scores, int label) => DiceStatistics.MeanOf(scores.Where(s => s.Label == label).Select(s => s.Dice));

    private static string Detail(IEnumerable<CaseScore> scores, int label)
    {
        var statistics = DiceStatistics.Of(scores.Where(s => s.Label == label).Select(s => s.Dice));
        return $"{statistics.Count} cases" + (statistics.NaNCount > 0 ? $", {statistics.NaNCount} NaN left out" : "");
    }
}
