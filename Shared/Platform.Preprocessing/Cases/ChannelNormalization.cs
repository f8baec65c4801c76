namespace Platform.Preprocessing.Cases;

/// <summary>nnU-Net's per-channel schemes.</summary>
public enum NormalizationScheme
{
    /// <summary>Clip to the dataset's foreground 0.5/99.5 percentiles, z-score with its foreground mean/std.</summary>
    CtClipZScore,

    /// <summary>Per-case z-score, optionally inside the nonzero mask.</summary>
    ZScore,

    None,
}

/// <summary>
/// How one channel is normalised. CT needs the dataset statistics (from the fingerprint); z-score uses the
/// nonzero mask only when <paramref name="MaskWhenCropShrinks"/> and nnU-Net's rule holds: the nonzero crop
/// left fewer than 3/4 of the voxels, i.e. the image has a large zero background (e.g. skull-stripped MRI).
/// </summary>
public sealed record ChannelNormalization(
    NormalizationScheme Scheme,
    double Percentile00_5 = 0,
    double Percentile99_5 = 0,
    double Mean = 0,
    double StandardDeviation = 1,
    bool MaskWhenCropShrinks = true)
{
    public static ChannelNormalization None { get; } = new(NormalizationScheme.None);

    public static ChannelNormalization ZScore { get; } = new(NormalizationScheme.ZScore);

    public static ChannelNormalization Ct(double p00_5, double p99_5, double mean, double std) =>
        new(NormalizationScheme.CtClipZScore, p00_5, p99_5, mean, std);
}

/// <summary>
/// The numbers a channel was actually normalised with: value' = (clamp(value, Lower, Upper) − Mean) / Std
/// (no clamp when Lower/Upper are null); with <paramref name="MaskUsed"/>, voxels outside the nonzero mask are 0.
/// None is recorded as mean 0, std 1.
/// </summary>
public sealed record AppliedNormalization(
    NormalizationScheme Scheme, double? Lower, double? Upper, double Mean, double StandardDeviation, bool MaskUsed);
