namespace Platform.Training.Augmentation;

/// <summary>
/// Gamma on the channel rescaled to [0, 1]: x ← ((x − min)/range)^γ·range + min (nnU-Net's GammaTransform). With
/// <c>invert</c> it works on −x (brightening dark structures instead of bright ones); with <c>retainStats</c> the
/// channel's mean and standard deviation are restored afterwards.
/// </summary>
public static class Gamma
{
    /// <summary>Guards the divisions on flat channels (nnU-Net uses 1e-7 too).</summary>
    private const float Epsilon = 1e-7f;

    public static void Apply(Span<float> channel, float gamma, bool invert, bool retainStats)
    {
        if (channel.IsEmpty)
            return;
        if (!(gamma > 0))
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "Gamma must be positive.");
        if (invert)
            VectorMath.Scale(channel, -1f);
        var (mean, deviation) = retainStats ? VectorMath.MeanAndDeviation(channel) : (0, 0);
        var (min, max) = VectorMath.MinMax(channel);
        var range = max - min;
        var inverseRange = 1f / Math.Max(range, Epsilon);
        for (var i = 0; i < channel.Length; i++)
            channel[i] = (MathF.Pow((channel[i] - min) * inverseRange, gamma) * range) + min;
        if (retainStats)
        {
            var (newMean, newDeviation) = VectorMath.MeanAndDeviation(channel);
            var factor = deviation / Math.Max(newDeviation, Epsilon);
            VectorMath.MultiplyAdd(channel, (float)factor, (float)(mean - (newMean * factor)));
        }
        if (invert)
            VectorMath.Scale(channel, -1f);
    }
}
