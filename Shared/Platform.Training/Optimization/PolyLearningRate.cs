namespace Platform.Training.Optimization;

/// <summary>
/// nnU-Net's poly schedule, lr = initial · (1 − epoch / epochs)^exponent, constant within an epoch. With a warm-up,
/// the rate first rises linearly per iteration to <c>initial</c> over <c>warmupEpochs</c>, and the poly decay runs over
/// the epochs after it (so the rate after warm-up starts at <c>initial</c>, as a cosine after warm-up does).
/// </summary>
public sealed class PolyLearningRate(double initial, int epochs, double exponent = 0.9, int warmupEpochs = 0, int iterationsPerEpoch = 1) : ILearningRateSchedule
{
    public double At(int epoch, int iteration)
    {
        if (epoch < warmupEpochs)
            return initial * ((long)epoch * iterationsPerEpoch + iteration + 1) / ((long)warmupEpochs * iterationsPerEpoch);
        return initial * Math.Pow(1.0 - (double)(epoch - warmupEpochs) / (epochs - warmupEpochs), exponent);
    }
}
