using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Resampling;

/// <summary>
/// Resampling onto an arbitrary reference grid (any shape, spacing, origin and direction) by the physical
/// mapping: each target voxel takes the source value at its own world position. This is how predictions made
/// on a resampled, reoriented or cropped grid go back to the original image's voxels.
/// <para>Target voxels whose world position falls outside the source's field of view (voxel i covers
/// index [i − ½, i + ½] on each axis) get the outside value (default 0). When the target grid coincides with
/// the source grid, or with a permutation, flip or integer-offset crop/pad of it, every inside voxel is copied
/// exactly by nearest and by linear interpolation.</para>
/// </summary>
public static class GridResampler
{
    /// <summary>Images come out as float32; <see cref="Interpolation.Nearest"/> or <see cref="Interpolation.Linear"/>.</summary>
    public static Volume<float> Resample<T>(
        Volume<T> image, VolumeGeometry target, Interpolation interpolation = Interpolation.Linear, float outside = 0)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(target);
        var mapping = GridMapping.Between(image.Geometry, target);
        var data = interpolation switch
        {
            Interpolation.Nearest => GridSampling.Nearest(SeparablePass.ToFloat(image.Data), image.Shape, target.Shape, mapping, outside),
            Interpolation.Linear => GridSampling.Linear<float, float, TrilinearBlend>(SeparablePass.ToFloat(image.Data), image.Shape, target.Shape, mapping, outside),
            _ => throw new ArgumentOutOfRangeException(nameof(interpolation), interpolation, "Reference-grid resampling supports nearest and linear."),
        };
        return new Volume<float>(target, data);
    }

    /// <summary>Labels keep their type; outside voxels get <paramref name="outside"/> (default 0, background).</summary>
    public static Volume<T> ResampleLabels<T>(
        Volume<T> labels, VolumeGeometry target, LabelInterpolation mode = LabelInterpolation.Nearest, T outside = default)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(target);
        var mapping = GridMapping.Between(labels.Geometry, target);
        var data = mode == LabelInterpolation.Nearest
            ? GridSampling.Nearest(labels.Data, labels.Shape, target.Shape, mapping, outside)
            : GridSampling.Linear<T, T, OneHotBlend<T>>(labels.Data, labels.Shape, target.Shape, mapping, outside);
        return new Volume<T>(target, data);
    }
}
