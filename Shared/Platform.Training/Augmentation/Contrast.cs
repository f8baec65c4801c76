namespace Platform.Training.Augmentation;

/// <summary>
/// Contrast change about the channel's mean: x ← (x − mean)·factor + mean, then (when preserving the range) clamped to
/// the channel's minimum and maximum before the change, as nnU-Net's ContrastTransform with preserve_range.
/// </summary>
public static class Contrast
{
    public static void Apply(Span<float> channel, float factor, bool preserveRange)
    {
        if (channel.IsEmpty)
            return;
        var (mean, _) = VectorMath.MeanAndDeviation(channel);
        var (min, max) = preserveRange ? VectorMath.MinMax(channel) : (float.NegativeInfinity, float.PositiveInfinity);
        VectorMath.MultiplyAdd(channel, factor, (float)(mean * (1 - factor)));
        if (preserveRange)
            VectorMath.Clamp(channel, min, max);
    }
}
