using Platform.Grains.Abstractions.Results;
using Platform.Training.Evaluation;

namespace Platform.Cli.Output;

/// <summary>
/// A classification or regression run's validation as <c>results export</c> writes it: one row per case with its true
/// and predicted class (by name) and one probability column per class, or its true and predicted value and the error
/// (<see cref="TargetCsv"/>). JSON adds the figures (accuracy, AUROC per class, confusion matrix; or MAE, MSE, R²).
/// </summary>
public static class TargetExport
{
    public static string Csv(RunTargetResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return TargetCsv.Write(results.Kind, results.ClassNames, results.Cases);
    }

    public static string Json(RunTargetResults results) => CliJson.Serialize(results);
}
