using Platform.Plans.Tasks;
using Platform.Training.Losses;
using Platform.Training.Networks;
using Platform.Training.Optimization;

namespace Platform.Training.Trainer;

/// <summary>
/// How a classification or regression fold builds and trains its pooled head, as the plan's <c>head</c> section says
/// (read by <c>PlanInterpretation.TargetHead</c>): the hidden layer, dropout, regression loss and AdamW's settings.
/// </summary>
public sealed record TargetHeadSettings(int HiddenFeatures, double Dropout, RegressionLossKind RegressionLoss, double HuberDelta, OptimizationOptions Optimization)
{
    public static TargetHeadSettings Default { get; } = new(64, 0.2, RegressionLossKind.Mse, Losses.RegressionLoss.DefaultHuberDelta,
        CaseTaskOptions.DefaultOptimization);

    /// <summary>The head for a table of <paramref name="task"/> with <paramref name="classes"/> classes (classification).</summary>
    public ClassificationRegressionHead HeadFor(TaskKind task, int classes) => task == TaskKind.Classification
        ? ClassificationRegressionHead.Classification(classes, HiddenFeatures, Dropout)
        : ClassificationRegressionHead.Regression(HiddenFeatures, Dropout);
}
