namespace Platform.Training.Optimization;

/// <summary>nnU-Net's poly schedule, lr = initial · (1 − epoch / epochs)^exponent, constant within an epoch.</summary>
public sealed class PolyLearningRate(double initial, int epochs, double exponent = 0.9) : ILearningRateSchedule
{
    public double At(int epoch, int iteration) => initial * Math.Pow(1.0 - (double)epoch / epochs, exponent);
}
