using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Resampling;

/// <summary>
/// Resampling to a target spacing on the grid <see cref="ResampleGrid.ForSpacing"/> defines. Images come
/// out as float32; labels keep their type. Work is split over cores (Parallel.For over planes/rows).
/// </summary>
public static class Resampler
{
    public static Volume<float> Resample<T>(Volume<T> image, Vector3D targetSpacing, ResampleOptions? options = null)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= ResampleOptions.Default;
        var target = ResampleGrid.ForSpacing(image.Geometry, targetSpacing);
        var outOfPlane = ResampleGrid.OutOfPlaneAxis(image.Geometry.Spacing, targetSpacing, options);
        var data = SeparablePass.ToFloat(image.Data);
        return new Volume<float>(target, Interpolate(data, image.Geometry, target, outOfPlane, options));
    }

    /// <summary>Runs the three 1D passes, most shrinking axis first so later passes touch fewer voxels.</summary>
    private static float[] Interpolate(float[] data, VolumeGeometry source, VolumeGeometry target, int outOfPlane, ResampleOptions options)
    {
        var shape = source.Shape;
        var order = new[] { 0, 1, 2 }.OrderBy(a => (double)target.Shape[a] / source.Shape[a]).ToArray();
        foreach (var axis in order)
        {
            var scale = target.Spacing[axis] / source.Spacing[axis];
            if (target.Shape[axis] == source.Shape[axis] && scale == 1)
                continue; // identical sampling along this axis
            var kind = axis == outOfPlane ? options.OutOfPlane : options.InPlane;
            if (kind == Interpolation.Cubic)
            {
                // The prefilter along this axis commutes with the passes along the others, so filtering each
                // axis just before sampling it gives the full 3D tensor-product spline (or a 2D one in-plane).
                // It works in place: data is always this method's own copy.
                BSplinePrefilter.AlongAxis(data, shape, axis);
                data = KernelPass.Along(data, shape, axis, KernelSampling.CubicMirror(source.Shape[axis], target.Shape[axis], scale), out shape);
                continue;
            }

            var sampling = kind == Interpolation.Nearest
                ? AxisSampling.Nearest(source.Shape[axis], target.Shape[axis], scale)
                : AxisSampling.Linear(source.Shape[axis], target.Shape[axis], scale);
            data = SeparablePass.Along(data, shape, axis, sampling, out shape);
        }

        return data;
    }

    public static Volume<T> ResampleLabels<T>(
        Volume<T> labels, Vector3D targetSpacing, LabelInterpolation mode = LabelInterpolation.Nearest, ResampleOptions? options = null)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(labels);
        options ??= ResampleOptions.Default;
        var target = ResampleGrid.ForSpacing(labels.Geometry, targetSpacing);
        return mode == LabelInterpolation.Nearest ? Nearest(labels, target) : OneHot(labels, target, options);
    }

    private static Volume<T> Nearest<T>(Volume<T> labels, VolumeGeometry target) where T : unmanaged, INumber<T>
    {
        var s = labels.Shape;
        var o = target.Shape;
        var ix = AxisSampling.Nearest(s.X, o.X, target.Spacing.X / labels.Geometry.Spacing.X).Lower;
        var iy = AxisSampling.Nearest(s.Y, o.Y, target.Spacing.Y / labels.Geometry.Spacing.Y).Lower;
        var iz = AxisSampling.Nearest(s.Z, o.Z, target.Spacing.Z / labels.Geometry.Spacing.Z).Lower;
        var src = labels.Data;
        var dst = new T[o.VoxelCount];
        Parallel.For(0, o.Z, z =>
        {
            for (var y = 0; y < o.Y; y++)
            {
                var row = ((long)iz[z] * s.Y + iy[y]) * s.X;
                var outRow = ((long)z * o.Y + y) * o.X;
                for (var x = 0; x < o.X; x++)
                    dst[outRow + x] = src[row + ix[x]];
            }
        });
        return new Volume<T>(target, dst);
    }

    private static Volume<T> OneHot<T>(Volume<T> labels, VolumeGeometry target, ResampleOptions options) where T : unmanaged, INumber<T>
    {
        // One-hot means linear indicators: a cubic choice for images falls back to linear for labels.
        options = options with { InPlane = ForLabels(options.InPlane), OutOfPlane = ForLabels(options.OutOfPlane) };
        var outOfPlane = ResampleGrid.OutOfPlaneAxis(labels.Geometry.Spacing, target.Spacing, options);
        var values = labels.Data.Distinct().Order().ToArray();
        var best = new float[target.Shape.VoxelCount];
        var result = new T[best.Length];
        best.AsSpan().Fill(float.NegativeInfinity);
        foreach (var value in values)
        {
            var indicator = new float[labels.Data.Length];
            for (var i = 0; i < indicator.Length; i++)
                indicator[i] = labels.Data[i] == value ? 1f : 0f;
            var resampled = Interpolate(indicator, labels.Geometry, target, outOfPlane, options);
            for (var i = 0; i < best.Length; i++)
            {
                if (resampled[i] > best[i])
                {
                    best[i] = resampled[i];
                    result[i] = value;
                }
            }
        }

        return new Volume<T>(target, result);
    }

    private static Interpolation ForLabels(Interpolation kind) => kind == Interpolation.Cubic ? Interpolation.Linear : kind;
}
