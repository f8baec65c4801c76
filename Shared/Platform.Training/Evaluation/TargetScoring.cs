using Platform.Plans.Tasks;
using Platform.Training.Inference;

namespace Platform.Training.Evaluation;

/// <summary>
/// Classification and regression predictions beside their targets, and the figures over them: the one place a run's
/// validation, a cross-validation's pooled folds and the result pages get their metrics from. Cases without a row in the
/// table are kept as predictions but not scored.
/// </summary>
public static class TargetScoring
{
    /// <summary>Each prediction with its case's true class or value (null when the table has no row for it).</summary>
    public static IReadOnlyList<CaseTargetResult> Results(CaseTargetTable targets, IReadOnlyList<CaseTargetPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(predictions);
        var byCase = targets.ByCase();
        return predictions.Select(p =>
        {
            var row = byCase.GetValueOrDefault(p.CaseId);
            return new CaseTargetResult(p.CaseId, row?.Class, p.Class, p.Probabilities, row?.Value, p.Value);
        }).ToList();
    }

    /// <summary>The classification figures over the scored cases; null when none has both a true and a predicted class.</summary>
    /// <exception cref="ArgumentException">A case whose probabilities are not one per class, named.</exception>
    public static ClassificationMetrics? Classification(IReadOnlyList<CaseTargetResult> results, int classes)
    {
        ArgumentNullException.ThrowIfNull(results);
        var scored = results.Where(r => r.TrueClass is not null && r.Probabilities.Count > 0).ToList();
        if (scored.Count == 0)
            return null;
        if (scored.FirstOrDefault(r => r.Probabilities.Count != classes) is { } wrong)
            throw new ArgumentException($"Case '{wrong.CaseId}' has {wrong.Probabilities.Count} class probabilities; the run has {classes} classes.", nameof(results));
        return ClassificationMetrics.Compute(scored.Select(r => r.TrueClass!.Value).ToArray(), scored.Select(r => r.Probabilities).ToArray(), classes);
    }

    /// <summary>The regression figures over the scored cases; null when none has both a true and a predicted value.</summary>
    public static RegressionMetrics? Regression(IReadOnlyList<CaseTargetResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var scored = results.Where(r => r.TrueValue is not null && r.PredictedValue is not null).ToList();
        return scored.Count == 0
            ? null
            : RegressionMetrics.Compute(scored.Select(r => r.TrueValue!.Value).ToArray(), scored.Select(r => r.PredictedValue!.Value).ToArray());
    }
}
