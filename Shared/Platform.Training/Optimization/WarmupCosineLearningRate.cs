namespace Platform.Training.Optimization;

/// <summary>
/// Linear warm-up over the first <c>warmupEpochs</c> (per iteration, reaching <c>peak</c> at the last warm-up
/// step), then a cosine from <c>peak</c> down to <c>minimum</c> at the end of the run.
/// </summary>
public sealed class WarmupCosineLearningRate(double peak, double minimum, int epochs, int iterationsPerEpoch, int warmupEpochs) : ILearningRateSchedule
{
    public double At(int epoch, int iteration)
    {
        long step = (long)epoch * iterationsPerEpoch + iteration;
        long warmupSteps = (long)warmupEpochs * iterationsPerEpoch;
        long totalSteps = (long)epochs * iterationsPerEpoch;
        if (step < warmupSteps)
            return peak * (step + 1) / warmupSteps;
        double progress = totalSteps > warmupSteps ? (double)(step - warmupSteps) / (totalSteps - warmupSteps) : 1.0;
        return minimum + 0.5 * (peak - minimum) * (1 + Math.Cos(Math.PI * Math.Min(progress, 1.0)));
    }
}
