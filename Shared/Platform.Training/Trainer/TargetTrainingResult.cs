using Platform.Training.Networks;

namespace Platform.Training.Trainer;

/// <summary>What a classification or regression training did.</summary>
/// <param name="EpochLosses">Mean training loss per epoch.</param>
/// <param name="ClassWeights">The cross-entropy's weight per class (classification), empty for regression.</param>
/// <param name="Scaling">The regression target's standardisation stored in the network (identity for classification).</param>
/// <param name="SkippedSteps">Steps skipped for non-finite gradients.</param>
public sealed record TargetTrainingResult(IReadOnlyList<double> EpochLosses, IReadOnlyList<double> ClassWeights, TargetScaling Scaling, int SkippedSteps);
