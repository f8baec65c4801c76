using Platform.Training.Data;

namespace Platform.Training.Augmentation;

/// <summary>
/// Adds zero-mean Gaussian noise. nnU-Net names its range "noise_variance" (0–0.1) but uses the drawn value as the
/// standard deviation (batchgenerators passes it to normal(0, value)); so do we, to train on the same noise level.
/// </summary>
public static class GaussianNoise
{
    public static void Add(Span<float> channel, double standardDeviation, BatchRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (standardDeviation <= 0)
            return;
        for (var i = 0; i < channel.Length; i++)
            channel[i] += (float)(standardDeviation * random.NextGaussian());
    }
}
