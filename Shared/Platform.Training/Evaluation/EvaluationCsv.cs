using System.Globalization;
using System.Text;

namespace Platform.Training.Evaluation;

/// <summary>
/// CSV form of evaluation results: one row per case and label, then one "mean" row per label and a
/// "foreground_mean" row. Invariant culture; NaN is written as NaN; a case that failed has one row with its error.
/// </summary>
public static class EvaluationCsv
{
    public const string Header = "case,label,dice,iou,tp,fp,fn,predicted_voxels,reference_voxels,error";

    public static string Write(EvaluationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var csv = new StringBuilder().AppendLine(Header);
        foreach (var c in summary.Cases)
        {
            if (c.Error is not null)
            {
                csv.AppendLine(Invariant($"{Quote(c.CaseId)},,,,,,,,,{Quote(c.Error)}"));
                continue;
            }

            foreach (var s in c.Labels)
                csv.AppendLine(Invariant($"{Quote(c.CaseId)},{s.Label},{s.Dice:R},{s.IoU:R},{s.TruePositives},{s.FalsePositives},{s.FalseNegatives},{s.PredictedVoxels},{s.ReferenceVoxels},"));
        }

        foreach (var m in summary.MeanPerLabel)
            csv.AppendLine(Invariant($"mean,{m.Label},{m.MeanDice:R},,,,,,,"));
        csv.AppendLine(Invariant($"foreground_mean,,{summary.ForegroundMeanDice:R},,,,,,,"));
        return csv.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
