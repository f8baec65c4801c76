using System.Globalization;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Projects;
using Platform.Imaging.Metrics;

namespace Platform.WebUI.Components.Results;

/// <summary>
/// The per-case table of runs: a case's mean Dice over its labels, then the Dice of each label (IoU and counts in the
/// tooltip), then, for runs scored with them, each label's HD95, surface Dice, lesion-wise Dice and lesion F1
/// (lesion counts in the tooltip). Runs stored before those figures existed keep the Dice-only table.
/// </summary>
public static class RunScoreTable
{
    public const string MeanKey = "mean";

    public static string LabelKey(int label) => $"label-{label}";

    public static string Hd95Key(int label) => $"hd95-{label}";

    public static string SurfaceDiceKey(int label) => $"surface-dice-{label}";

    public static string LesionDiceKey(int label) => $"lesion-dice-{label}";

    public static string LesionF1Key(int label) => $"lesion-f1-{label}";

    /// <param name="labels">The labels, in column order.</param>
    /// <param name="scores">The scores shown: surface and lesion columns appear when some score has those figures.</param>
    /// <param name="names">The project's label names, for headers ("Dice kidney (1)") and CSV columns ("dice-1-kidney"). Default: none.</param>
    public static IReadOnlyList<ScoreColumn> Columns(IReadOnlyList<int> labels, IEnumerable<CaseScore>? scores = null, LabelNames? names = null)
    {
        names ??= LabelNames.None;
        var shown = scores?.ToList() ?? [];
        var surface = shown.Any(s => !double.IsNaN(s.Hd95Mm) || !double.IsNaN(s.SurfaceDice));
        var lesions = shown.Any(s => !double.IsNaN(s.LesionDice));
        return
        [
            new(MeanKey, "Mean Dice", "case-mean-dice") { CsvHeader = "dice-mean" },
            .. labels.Select(label => new ScoreColumn(LabelKey(label), names.Describe(label), "case-dice", label) { CsvHeader = $"dice-{names.CsvKey(label)}" }),
            .. surface ? labels.SelectMany(label => new ScoreColumn[]
            {
                new(Hd95Key(label), $"HD95 {names.Describe(label)} (mm)", "case-hd95", label, IsDistance: true) { CsvHeader = $"hd95_mm-{names.CsvKey(label)}" },
                new(SurfaceDiceKey(label), $"Surface Dice {names.Describe(label)}", "case-surface-dice", label) { CsvHeader = $"surface_dice-{names.CsvKey(label)}" },
            }) : [],
            .. lesions ? labels.SelectMany(label => new ScoreColumn[]
            {
                new(LesionDiceKey(label), $"Lesion Dice {names.Describe(label)}", "case-lesion-dice", label) { CsvHeader = $"lesion_dice-{names.CsvKey(label)}" },
                new(LesionF1Key(label), $"Lesion F1 {names.Describe(label)}", "case-lesion-f1", label) { CsvHeader = $"lesion_f1-{names.CsvKey(label)}" },
            }) : [],
        ];
    }

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
        {
            cells[LabelKey(score.Label)] = new ScoreCell(score.Dice, Detail(score));
            cells[Hd95Key(score.Label)] = new ScoreCell(score.Hd95Mm, "95th percentile of surface distances; ∞ when only one side has the label");
            cells[SurfaceDiceKey(score.Label)] = new ScoreCell(score.SurfaceDice, "Share of both surfaces within the tolerance (1 mm) of the other");
            var lesions = LesionCountsOf(score);
            cells[LesionDiceKey(score.Label)] = new ScoreCell(score.LesionDice, LesionDetail(lesions));
            cells[LesionF1Key(score.Label)] = new ScoreCell(lesions.F1, LesionDetail(lesions));
        }

        return new CaseScoreRow(caseId, runId, fold, cells);
    }

    public static LesionCounts LesionCountsOf(CaseScore s) => new(s.ReferenceLesions, s.DetectedLesions, s.PredictedLesions, s.MatchedPredictions);

    private static string LesionDetail(LesionCounts l) => string.Create(CultureInfo.InvariantCulture,
        $"{l.DetectedLesions} of {l.ReferenceLesions} lesions found · {l.FalsePositiveLesions} of {l.PredictedLesions} predicted components false");

    private static string Detail(CaseScore s) => string.Create(CultureInfo.InvariantCulture,
        $"IoU {ScoreFormat.Value(s.IoU)} · TP {s.TruePositives:N0}, FP {s.FalsePositives:N0}, FN {s.FalseNegatives:N0} · predicted {s.PredictedVoxels:N0}, reference {s.ReferenceVoxels:N0} voxels");
}
