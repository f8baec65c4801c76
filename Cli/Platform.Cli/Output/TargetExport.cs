using System.Globalization;
using CsvHelper;
using Platform.Grains.Abstractions.Results;
using Platform.Plans.Tasks;

namespace Platform.Cli.Output;

/// <summary>
/// A classification or regression run's validation as <c>results export</c> writes it: one row per case with its true
/// and predicted class (by name) and one probability column per class, or its true and predicted value and the error.
/// JSON adds the figures (accuracy, AUROC per class, confusion matrix; or MAE, MSE, R²).
/// </summary>
public static class TargetExport
{
    public static string Csv(RunTargetResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        bool classification = results.Kind == TaskKind.Classification;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // CsvHelper quotes class names that hold commas or quotes: they come from a lab's own table.
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true))
        {
            csv.WriteRecord(classification
                ? ["case", "true_class", "predicted_class", .. results.ClassNames.Select(n => $"p_{n}")]
                : ["case", "true_value", "predicted_value", "error"]);
            foreach (var row in results.Cases.OrderBy(c => c.CaseId, StringComparer.Ordinal))
            {
                csv.WriteRecord(classification
                    ? [row.CaseId, Name(results, row.TrueClass), Name(results, row.PredictedClass), .. row.Probabilities.Select(p => Number(p))]
                    : [row.CaseId, Number(row.TrueValue), Number(row.PredictedValue), Number(row.PredictedValue - row.TrueValue)]);
            }

            csv.Flush();
        }

        return text.ToString();
    }

    public static string Json(RunTargetResults results) => CliJson.Serialize(results);

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Name(RunTargetResults results, int? index) => index is int i ? results.ClassNames[i] : "";
}
