using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Intensity;

/// <summary>
/// Intensity statistics of the voxels under a mask (nnU-Net's foreground fingerprint): population standard
/// deviation (numpy's default ddof = 0) and exact percentiles (<see cref="Percentiles"/>).
/// </summary>
public sealed record IntensityStatistics(long Count, double Mean, double StandardDeviation, double Min, double Max, double Median, double Percentile00_5, double Percentile99_5)
{
    /// <summary>Statistics of image voxels where <paramref name="mask"/> is non-zero (all voxels when null).</summary>
    public static IntensityStatistics Compute<T, TMask>(Volume<T> image, Volume<TMask>? mask)
        where T : unmanaged, INumber<T>
        where TMask : unmanaged, INumber<TMask>
    {
        ArgumentNullException.ThrowIfNull(image);
        if (mask is not null && mask.Shape != image.Shape)
            throw new ArgumentException($"Mask shape {mask.Shape} differs from image shape {image.Shape}.", nameof(mask));
        return FromValues(Select(image, mask));
    }

    public static float[] Select<T, TMask>(Volume<T> image, Volume<TMask>? mask)
        where T : unmanaged, INumber<T>
        where TMask : unmanaged, INumber<TMask>
    {
        ArgumentNullException.ThrowIfNull(image);
        if (mask is null)
            return image.Data.Select(float.CreateTruncating).ToArray();
        var values = new List<float>();
        for (var i = 0; i < image.Data.Length; i++)
            if (mask.Data[i] != TMask.Zero)
                values.Add(float.CreateTruncating(image.Data[i]));
        return [.. values];
    }

    public static IntensityStatistics FromValues(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
            return new IntensityStatistics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = (float[])values.Clone();
        Array.Sort(sorted);
        double sum = 0;
        foreach (var v in sorted)
            sum += v;
        var mean = sum / sorted.Length;
        double squares = 0;
        foreach (var v in sorted)
            squares += (v - mean) * (v - mean);
        return new IntensityStatistics(
            sorted.Length, mean, Math.Sqrt(squares / sorted.Length), sorted[0], sorted[^1],
            Percentiles.FromSorted(sorted, 50), Percentiles.FromSorted(sorted, 0.5), Percentiles.FromSorted(sorted, 99.5));
    }
}
