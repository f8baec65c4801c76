using System.Globalization;
using System.Text;
using Platform.Grains.Abstractions.Results;
using Platform.Imaging.Metrics;

namespace Platform.Cli.Output;

/// <summary>
/// A run's stored scores as <c>results export</c> writes them: every stored figure plus the lesion rates the engine
/// derives from the counts (<see cref="LesionCounts"/>), so a spreadsheet need not recompute them.
/// </summary>
public static class ScoreExport
{
    public const string CsvHeader =
        "case,label,dice,iou,true_positives,false_positives,false_negatives,predicted_voxels,reference_voxels," +
        "hd95_mm,surface_dice,lesion_dice,lesion_sensitivity,lesion_precision,lesion_f1," +
        "reference_lesions,detected_lesions,predicted_lesions,matched_predictions";

    /// <summary>One score with its lesion rates, for JSON.</summary>
    public sealed record Row(CaseScore Score, double LesionSensitivity, double LesionPrecision, double LesionF1);

    public static IReadOnlyList<Row> Rows(IEnumerable<CaseScore> scores) =>
        [.. scores.Select(s =>
        {
            var lesions = new LesionCounts(s.ReferenceLesions, s.DetectedLesions, s.PredictedLesions, s.MatchedPredictions);
            return new Row(s, lesions.Sensitivity, lesions.Precision, lesions.F1);
        })];

    public static string Json(IEnumerable<CaseScore> scores) =>
        CliJson.Serialize(Rows(scores).Select(r => new
        {
            r.Score.CaseId, r.Score.Label, r.Score.Dice, r.Score.IoU, r.Score.TruePositives, r.Score.FalsePositives, r.Score.FalseNegatives,
            r.Score.PredictedVoxels, r.Score.ReferenceVoxels, r.Score.Hd95Mm, r.Score.SurfaceDice, r.Score.LesionDice,
            r.LesionSensitivity, r.LesionPrecision, r.LesionF1,
            r.Score.ReferenceLesions, r.Score.DetectedLesions, r.Score.PredictedLesions, r.Score.MatchedPredictions,
        }));

    public static string Csv(IEnumerable<CaseScore> scores)
    {
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var (s, sensitivity, precision, f1) in Rows(scores))
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{s.CaseId},{s.Label},{s.Dice:R},{s.IoU:R},{s.TruePositives},{s.FalsePositives},{s.FalseNegatives},{s.PredictedVoxels},{s.ReferenceVoxels},");
            csv.Append(CultureInfo.InvariantCulture, $"{s.Hd95Mm:R},{s.SurfaceDice:R},{s.LesionDice:R},{sensitivity:R},{precision:R},{f1:R},");
            csv.Append(CultureInfo.InvariantCulture, $"{s.ReferenceLesions},{s.DetectedLesions},{s.PredictedLesions},{s.MatchedPredictions}\n");
        }

        return csv.ToString();
    }
}
