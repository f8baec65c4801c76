using System.Globalization;
using System.Text;

namespace Platform.Training.Evaluation;

/// <summary>
/// CSV form of evaluation results: one row per case and label, then per label a "mean" row (nan-means; the lesion
/// count columns hold the sums over cases) and a "pooled" row (lesion sensitivity, precision and F1 from those
/// sums), and a "foreground_mean" row. Invariant culture; NaN is written as NaN and an infinite HD95 as Infinity;
/// a case that failed has one row with its error. <see cref="ReadCases"/> reads the case rows back, by column
/// name, so files written before a column existed read with NaN (or 0 counts) there.
/// </summary>
public static class EvaluationCsv
{
    public const string Header =
        "case,label,dice,iou,tp,fp,fn,predicted_voxels,reference_voxels," +
        "hd95_mm,surface_dice,lesion_dice,lesion_sensitivity,lesion_precision,lesion_f1," +
        "reference_lesions,detected_lesions,predicted_lesions,matched_predictions,error";

    private const string MeanRow = "mean";
    private const string PooledRow = "pooled";
    private const string ForegroundRow = "foreground_mean";
    private const string NoCounts = ",,,,";
    private const string NoFigures = ",,,,,,";

    public static string Write(EvaluationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var csv = new StringBuilder().AppendLine(Header);
        foreach (var c in summary.Cases)
        {
            if (c.Error is not null)
            {
                csv.AppendLine(Invariant($"{Quote(c.CaseId)},,,,,,,,{NoFigures}{NoCounts},{Quote(c.Error)}"));
                continue;
            }

            foreach (var s in c.Labels)
            {
                csv.AppendLine(Invariant(
                    $"{Quote(c.CaseId)},{s.Label},{s.Dice:R},{s.IoU:R},{s.TruePositives},{s.FalsePositives},{s.FalseNegatives},{s.PredictedVoxels},{s.ReferenceVoxels},") + Invariant(
                    $"{s.Hd95Mm:R},{s.SurfaceDice:R},{s.LesionDice:R},{s.LesionSensitivity:R},{s.LesionPrecision:R},{s.LesionF1:R},") + Invariant(
                    $"{s.ReferenceLesions},{s.DetectedLesions},{s.PredictedLesions},{s.MatchedPredictions},"));
            }
        }

        foreach (var m in summary.MeanPerLabel)
        {
            csv.AppendLine(Invariant(
                $"{MeanRow},{m.Label},{m.MeanDice:R},{m.MeanIoU:R},,,,,,") + Invariant(
                $"{m.MeanHd95Mm:R},{m.MeanSurfaceDice:R},{m.MeanLesionDice:R},{m.MeanLesionSensitivity:R},{m.MeanLesionPrecision:R},{m.MeanLesionF1:R},") + Invariant(
                $"{m.ReferenceLesions},{m.DetectedLesions},{m.PredictedLesions},{m.MatchedPredictions},"));
            csv.AppendLine(Invariant(
                $"{PooledRow},{m.Label},,,,,,,,,,,{m.PooledLesionSensitivity:R},{m.PooledLesionPrecision:R},{m.PooledLesionF1:R},") + Invariant(
                $"{m.ReferenceLesions},{m.DetectedLesions},{m.PredictedLesions},{m.MatchedPredictions},"));
        }

        csv.AppendLine(Invariant($"{ForegroundRow},,{summary.ForegroundMeanDice:R},,,,,,{NoFigures}{NoCounts},"));
        return csv.ToString();
    }

    /// <summary>The case rows of a file <see cref="Write"/> wrote (summary rows are skipped: summarise the cases again).</summary>
    public static IReadOnlyList<CaseEvaluation> ReadCases(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var records = CsvRecords(csv);
        if (records.Count == 0)
            throw new InvalidDataException("The evaluation CSV has no header.");
        var columns = records[0].Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        var cases = new List<(string CaseId, List<LabelScore> Labels, string? Error)>();
        foreach (var fields in records.Skip(1))
        {
            string Field(string name) => columns.TryGetValue(name, out var i) && i < fields.Count ? fields[i] : "";
            var caseId = Field("case");
            if (caseId is MeanRow or PooledRow or ForegroundRow)
                continue;
            var error = Field("error");
            if (error.Length > 0 || Field("label").Length == 0)
            {
                cases.Add((caseId, [], error));
                continue;
            }

            if (cases.Count == 0 || cases[^1].CaseId != caseId || cases[^1].Error is not null)
                cases.Add((caseId, [], null));
            cases[^1].Labels.Add(new LabelScore(
                Integer(Field("label")), Number(Field("dice")), Number(Field("iou")),
                Long(Field("tp")), Long(Field("fp")), Long(Field("fn")), Long(Field("predicted_voxels")), Long(Field("reference_voxels")),
                Number(Field("hd95_mm")), Number(Field("surface_dice")), Number(Field("lesion_dice")),
                Integer(Field("reference_lesions")), Integer(Field("detected_lesions")), Integer(Field("predicted_lesions")), Integer(Field("matched_predictions"))));
        }

        return [.. cases.Select(c => new CaseEvaluation(c.CaseId, c.Labels, c.Error))];
    }

    private static double Number(string text) => text.Length == 0 ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static long Long(string text) => text.Length == 0 ? 0 : long.Parse(text, CultureInfo.InvariantCulture);

    private static int Integer(string text) => text.Length == 0 ? 0 : int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> CsvRecords(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch != '"')
                    field.Append(ch);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[++i]);
                else
                    quoted = false;
                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
