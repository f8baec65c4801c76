using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Intensity;

/// <summary>Dataset-level CT parameters: clip range (foreground 0.5/99.5 percentiles) and foreground mean/std.</summary>
public sealed record CtNormalizationParameters(double Lower, double Upper, double Mean, double StandardDeviation);

/// <summary>
/// nnU-Net's normalisation schemes. Results are float32. Standard deviations below 1e-8 are replaced by
/// 1e-8 (as nnU-Net does) so constant images do not divide by zero.
/// </summary>
public static class Normalization
{
    private const double MinimumStd = 1e-8;

    /// <summary>Clip to [Lower, Upper], then (x − Mean) / Std with dataset foreground statistics.</summary>
    public static Volume<float> Ct<T>(Volume<T> image, CtNormalizationParameters p) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(p);
        var scale = 1 / Math.Max(p.StandardDeviation, MinimumStd);
        return Map(image, v => (Math.Clamp(v, p.Lower, p.Upper) - p.Mean) * scale);
    }

    /// <summary>
    /// Per-case z-score. With a mask, mean/std come from the voxels inside it and voxels outside are set to 0
    /// (nnU-Net's use_mask_for_norm).
    /// </summary>
    public static Volume<float> ZScore<T, TMask>(Volume<T> image, Volume<TMask>? mask = null)
        where T : unmanaged, INumber<T>
        where TMask : unmanaged, INumber<TMask>
    {
        ArgumentNullException.ThrowIfNull(image);
        var stats = IntensityStatistics.FromValues(IntensityStatistics.Select(image, mask));
        var scale = 1 / Math.Max(stats.StandardDeviation, MinimumStd);
        var result = Map(image, v => (v - stats.Mean) * scale);
        if (mask is not null)
            for (var i = 0; i < result.Data.Length; i++)
                if (mask.Data[i] == TMask.Zero)
                    result.Data[i] = 0;
        return result;
    }

    public static Volume<float> ZScore<T>(Volume<T> image) where T : unmanaged, INumber<T> => ZScore<T, byte>(image);

    /// <summary>(x − min) / (max − min) to [0, 1]; a constant image becomes all zeros.</summary>
    public static Volume<float> MinMax<T>(Volume<T> image) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        var min = double.CreateTruncating(image.Data.Min());
        var max = double.CreateTruncating(image.Data.Max());
        var range = max - min;
        return Map(image, v => range > 0 ? (v - min) / range : 0);
    }

    private static Volume<float> Map<T>(Volume<T> image, Func<double, double> f) where T : unmanaged, INumber<T>
    {
        var result = new float[image.Data.Length];
        const int chunk = 1 << 18;
        Parallel.For(0, (result.Length + chunk - 1) / chunk, c =>
        {
            var end = Math.Min(result.Length, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
                result[i] = (float)f(double.CreateTruncating(image.Data[i]));
        });
        return new Volume<float>(image.Geometry, result);
    }
}
