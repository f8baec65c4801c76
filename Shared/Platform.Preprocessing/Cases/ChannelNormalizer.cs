using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>
/// Normalises a channel in place (the pipeline owns the resampled array, so no extra copy of the volume is
/// made). Formulas are those of <see cref="Platform.Imaging.Intensity.Normalization"/>: std below 1e-8 is
/// replaced by 1e-8; z-score uses the population std; masked voxels outside the mask become 0.
/// </summary>
public static class ChannelNormalizer
{
    private const double MinimumStd = 1e-8;

    public static AppliedNormalization Apply(Volume<float> channel, ChannelNormalization settings, Volume<byte>? mask)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(settings);
        var data = channel.Data;
        switch (settings.Scheme)
        {
            case NormalizationScheme.None:
                return new AppliedNormalization(NormalizationScheme.None, null, null, 0, 1, false);
            case NormalizationScheme.CtClipZScore:
            {
                var (lower, upper, mean) = (settings.Percentile00_5, settings.Percentile99_5, settings.Mean);
                var scale = 1 / Math.Max(settings.StandardDeviation, MinimumStd);
                for (var i = 0; i < data.Length; i++)
                    data[i] = (float)((Math.Clamp(data[i], lower, upper) - mean) * scale);
                return new AppliedNormalization(NormalizationScheme.CtClipZScore, lower, upper, mean, settings.StandardDeviation, false);
            }

            case NormalizationScheme.ZScore:
            {
                var (mean, std) = MeanAndStd(data, mask?.Data);
                var scale = 1 / Math.Max(std, MinimumStd);
                for (var i = 0; i < data.Length; i++)
                    data[i] = mask is not null && mask.Data[i] == 0 ? 0 : (float)((data[i] - mean) * scale);
                return new AppliedNormalization(NormalizationScheme.ZScore, null, null, mean, std, mask is not null);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Scheme, "Unknown normalisation scheme.");
        }
    }

    /// <summary>Two passes in double: exact enough for 10^9 voxels, where a one-pass sum of squares is not.</summary>
    private static (double Mean, double Std) MeanAndStd(float[] data, byte[]? mask)
    {
        double sum = 0;
        long count = 0;
        for (var i = 0; i < data.Length; i++)
            if (mask is null || mask[i] != 0)
            {
                sum += data[i];
                count++;
            }

        if (count == 0)
            return (0, 1);
        var mean = sum / count;
        double squares = 0;
        for (var i = 0; i < data.Length; i++)
            if (mask is null || mask[i] != 0)
                squares += (data[i] - mean) * (data[i] - mean);
        return (mean, Math.Sqrt(squares / count));
    }
}
