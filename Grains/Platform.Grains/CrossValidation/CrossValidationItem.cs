using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.Imaging.Metrics;

namespace Platform.Grains.CrossValidation;

/// <summary>A cross-validation's row in the project's list, from its stored record alone.</summary>
public static class CrossValidationItem
{
    public static ProjectItem From(string name, CrossValidationRecord cv)
    {
        var request = cv.Request ?? throw new InvalidOperationException($"Cross-validation '{name}' has not been started.");
        var score = cv.Result is { } result ? MetricAggregation.NanMean(result.MeanPerLabel.Select(l => l.MeanDice)) : double.NaN;
        return new ProjectItem(
            ProjectItemKind.CrossValidation, name, request.PlanName, request.PlanVersion, Fold: null, request.SplitName,
            cv.State.ToString(),
            Active: cv.State is CrossValidationState.Training or CrossValidationState.Evaluating,
            cv.StartedAt, cv.StartedBy, cv.StartedAt, cv.FinishedAt,
            EpochsDone: cv.Folds.Sum(f => f.EpochsDone),
            EpochsTotal: cv.TotalEpochs * cv.Folds.Count,
            PartsDone: cv.Folds.Count(f => f.State == RunState.Completed),
            Parts: cv.Folds.Count,
            // The mean over labels of the per-label mean validation Dice, once evaluated.
            BestScore: double.IsFinite(score) ? score : null,
            Note: cv.Error);
    }
}
