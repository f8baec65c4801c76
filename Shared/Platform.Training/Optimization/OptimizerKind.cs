namespace Platform.Training.Optimization;

/// <summary>The optimiser and the learning-rate schedule that goes with it.</summary>
public enum OptimizerKind
{
    /// <summary>nnU-Net's default: SGD with Nesterov momentum and the poly schedule.</summary>
    SgdNesterovPoly,

    /// <summary>AdamW with linear warm-up, then cosine decay.</summary>
    AdamWWarmupCosine,
}
