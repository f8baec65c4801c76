namespace Platform.Training.Optimization;

/// <summary>Optimiser settings. The defaults are nnU-Net's (SGD, Nesterov momentum 0.99, weight decay 3e-5,
/// lr 1e-2, poly exponent 0.9, gradient-norm clipping at 12).</summary>
/// <param name="Kind">The optimiser.</param>
/// <param name="LearningRate">Initial (SGD) or peak (AdamW) learning rate.</param>
/// <param name="WeightDecay">L2 penalty (SGD) or decoupled weight decay (AdamW).</param>
/// <param name="Momentum">SGD momentum.</param>
/// <param name="PolyExponent">Exponent of the poly schedule.</param>
/// <param name="GradientClipNorm">Maximum L2 norm of all gradients together; 0 or less disables clipping.</param>
/// <param name="WarmupEpochs">Epochs of linear warm-up from ~0 to <paramref name="LearningRate"/>, before either schedule.</param>
/// <param name="MinimumLearningRate">Where the cosine ends.</param>
/// <param name="Beta1">AdamW β1.</param>
/// <param name="Beta2">AdamW β2.</param>
/// <param name="Schedule">How the learning rate decays, whichever the optimiser.</param>
public sealed record OptimizationOptions(
    OptimizerKind Kind = OptimizerKind.SgdNesterov,
    double LearningRate = 1e-2,
    double WeightDecay = 3e-5,
    double Momentum = 0.99,
    double PolyExponent = 0.9,
    double GradientClipNorm = 12,
    int WarmupEpochs = 0,
    double MinimumLearningRate = 0,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    LearningRateScheduleKind Schedule = LearningRateScheduleKind.Poly)
{
    /// <summary>AdamW with warm-up and cosine decay; lr 3e-4 and weight decay 5e-2 are common transformer-era choices.</summary>
    public static OptimizationOptions AdamW(double learningRate = 3e-4, double weightDecay = 5e-2, int warmupEpochs = 10) =>
        new(OptimizerKind.AdamW, learningRate, weightDecay, WarmupEpochs: warmupEpochs, Schedule: LearningRateScheduleKind.WarmupCosine);

    /// <exception cref="ArgumentException">A setting out of range, named.</exception>
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw new ArgumentException($"The learning rate must be positive (got {LearningRate}).");
        if (WeightDecay < 0)
            throw new ArgumentException($"The weight decay must be non-negative (got {WeightDecay}).");
        if (Momentum is < 0 or >= 1)
            throw new ArgumentException($"The momentum must be in [0, 1) (got {Momentum}).");
        if (!(PolyExponent > 0))
            throw new ArgumentException($"The poly exponent must be positive (got {PolyExponent}).");
        if (WarmupEpochs < 0)
            throw new ArgumentException($"The warm-up must be non-negative (got {WarmupEpochs} epochs).");
        if (MinimumLearningRate < 0 || MinimumLearningRate > LearningRate)
            throw new ArgumentException($"The minimum learning rate must be in [0, {LearningRate}] (got {MinimumLearningRate}).");
        if (Beta1 is < 0 or >= 1 || Beta2 is < 0 or >= 1)
            throw new ArgumentException($"AdamW betas must be in [0, 1) (got {Beta1}, {Beta2}).");
    }
}
