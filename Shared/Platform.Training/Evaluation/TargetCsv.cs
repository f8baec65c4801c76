using System.Globalization;
using CsvHelper;
using Platform.Plans.Tasks;

namespace Platform.Training.Evaluation;

/// <summary>
/// Classification or regression predictions as one CSV row per case: the true and predicted class by name with one
/// probability column per class, or the true and predicted value and the error. Without truth (new images) only the
/// predicted columns are written. What <c>results export</c> and a package's folder prediction write.
/// </summary>
public static class TargetCsv
{
    public static string Write(TaskKind kind, IReadOnlyList<string> classNames, IReadOnlyList<CaseTargetResult> rows, bool withTruth = true)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(rows);
        bool classification = kind == TaskKind.Classification;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // CsvHelper quotes class names that hold commas or quotes: they come from a lab's own table.
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true))
        {
            List<string> header = ["case"];
            if (classification)
                header.AddRange([.. withTruth ? ["true_class"] : Array.Empty<string>(), "predicted_class", .. classNames.Select(n => $"p_{n}")]);
            else
                header.AddRange(withTruth ? ["true_value", "predicted_value", "error"] : ["predicted_value"]);
            csv.WriteRecord([.. header]);
            foreach (var row in rows.OrderBy(c => c.CaseId, StringComparer.Ordinal))
            {
                List<string> fields = [row.CaseId];
                if (classification)
                    fields.AddRange([.. withTruth ? [Name(classNames, row.TrueClass)] : Array.Empty<string>(), Name(classNames, row.PredictedClass), .. row.Probabilities.Select(p => Number(p))]);
                else
                    fields.AddRange(withTruth ? [Number(row.TrueValue), Number(row.PredictedValue), Number(row.PredictedValue - row.TrueValue)] : [Number(row.PredictedValue)]);
                csv.WriteRecord([.. fields]);
            }

            csv.Flush();
        }

        return text.ToString();
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Name(IReadOnlyList<string> classNames, int? index) => index is int i ? classNames[i] : "";
}
