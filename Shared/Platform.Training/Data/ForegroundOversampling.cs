namespace Platform.Training.Data;

/// <summary>nnU-Net's foreground oversampling: how many samples at the end of each batch are centred on foreground.</summary>
public static class ForegroundOversampling
{
    /// <summary>nnU-Net's oversample_foreground_percent.</summary>
    public const double NnUNetFraction = 0.33;

    /// <summary>
    /// round(batch × fraction) samples, at least one whenever the fraction is positive (so batch size 1 or 2 still sees
    /// foreground), and never more than the batch.
    /// </summary>
    public static int ForcedCount(int batchSize, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (!(fraction >= 0 && fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The foreground oversampling fraction must lie within [0, 1].");
        if (fraction == 0)
            return 0;
        return Math.Clamp((int)Math.Round(batchSize * fraction, MidpointRounding.ToEven), 1, batchSize);
    }
}
