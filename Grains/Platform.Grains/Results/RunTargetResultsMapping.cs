using Platform.Grains.Abstractions.Results;
using Platform.Plans.Tasks;
using Platform.Training.Evaluation;

namespace Platform.Grains.Results;

/// <summary>A stored classification or regression validation, with its figures computed by <see cref="TargetScoring"/>, on the wire.</summary>
public static class RunTargetResultsMapping
{
    public static RunTargetResults ToResults(this RunTargetStore.Stored stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ClassificationFigures? classification = null;
        RegressionFigures? regression = null;
        if (stored.Kind == TaskKind.Classification && TargetScoring.Classification(stored.Cases, stored.ClassNames.Count) is { } c)
            classification = new ClassificationFigures(c.Cases, c.Accuracy, c.BalancedAccuracy, c.AurocPerClass, c.PrecisionPerClass, c.RecallPerClass, c.Confusion);
        if (stored.Kind == TaskKind.Regression && TargetScoring.Regression(stored.Cases) is { } r)
            regression = new RegressionFigures(r.Cases, r.MeanAbsoluteError, r.MeanSquaredError, r.RSquared);
        return new RunTargetResults(stored.Kind, stored.ClassNames, stored.Cases, classification, regression);
    }
}
