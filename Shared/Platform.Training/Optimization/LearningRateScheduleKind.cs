namespace Platform.Training.Optimization;

/// <summary>How the learning rate moves over a run; both start with <see cref="OptimizationOptions.WarmupEpochs"/> of linear warm-up.</summary>
public enum LearningRateScheduleKind
{
    /// <summary>nnU-Net's poly decay, (1 − epoch / epochs)^exponent (<see cref="PolyLearningRate"/>).</summary>
    Poly,

    /// <summary>Cosine decay down to <see cref="OptimizationOptions.MinimumLearningRate"/> (<see cref="WarmupCosineLearningRate"/>).</summary>
    WarmupCosine,
}
