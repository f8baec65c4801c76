using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Resampling;

/// <summary>
/// The same resampling as <see cref="Resampler.Resample{T}"/> (same output grid and interpolation choices) for
/// large images, without a float copy of the whole input: output z-planes are produced in blocks, and each block
/// converts only the input planes it needs to float, resamples them in x and y, and blends them along z straight
/// into the output array. Besides the input and the output, only a few planes per worker are alive, so an int16
/// CT needs about its own size plus the float output instead of three to four float copies.
/// <para>Results equal <see cref="Resampler.Resample{T}"/>'s up to float rounding (the passes run in another order).
/// Cubic interpolation along z needs the whole z column for its prefilter, so that case (cubic chosen for z while z
/// changes) falls back to <see cref="Resampler.Resample{T}"/>.</para>
/// </summary>
public static class SlabResampler
{
    public static Volume<float> Resample<T>(Volume<T> image, Vector3D targetSpacing, ResampleOptions? options = null)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= ResampleOptions.Default;
        var source = image.Geometry;
        var target = ResampleGrid.ForSpacing(source, targetSpacing);
        var outOfPlane = ResampleGrid.OutOfPlaneAxis(source.Spacing, targetSpacing, options);
        var kinds = new Interpolation[3];
        var unchanged = new bool[3];
        for (var axis = 0; axis < 3; axis++)
        {
            kinds[axis] = axis == outOfPlane ? options.OutOfPlane : options.InPlane;
            unchanged[axis] = target.Shape[axis] == source.Shape[axis] && target.Spacing[axis] / source.Spacing[axis] == 1;
        }

        if (!unchanged[2] && kinds[2] == Interpolation.Cubic)
            return Resampler.Resample(image, targetSpacing, options);

        var plan = new PlanePlan(source, target, kinds, unchanged);
        var z = unchanged[2] ? null : Sampling(kinds[2], source.Shape.Z, target.Shape.Z, target.Spacing.Z / source.Spacing.Z);
        var o = target.Shape;
        var output = new float[o.VoxelCount];
        var planeLength = o.X * o.Y;
        // A few blocks per core balance the load; each block recomputes at most one plane its neighbour also needs.
        var blocks = Math.Max(1, Math.Min(o.Z, Environment.ProcessorCount * 2));
        Parallel.For(0, blocks, block =>
        {
            var z0 = (int)((long)block * o.Z / blocks);
            var z1 = (int)((long)(block + 1) * o.Z / blocks);
            // Two cached planes and the scratch are reused for the whole block: no allocation per plane.
            var scratch = plan.NewScratch();
            float[] cached = new float[planeLength], other = new float[planeLength];
            int cachedIndex = -1, otherIndex = -1;
            float[] PlaneAt(int index)
            {
                if (index == cachedIndex)
                    return cached;
                if (index == otherIndex)
                    return other;
                // Input indices only grow with the output index, so the older plane is the one to overwrite.
                (other, otherIndex, cached) = (cached, cachedIndex, other);
                plan.Resample(image.Data, index, scratch, cached);
                cachedIndex = index;
                return cached;
            }

            for (var k = z0; k < z1; k++)
            {
                var destination = output.AsSpan(k * planeLength, planeLength);
                if (z is null)
                {
                    PlaneAt(k).CopyTo(destination);
                    continue;
                }

                var lower = PlaneAt(z.Lower[k]);
                var upper = PlaneAt(z.Upper[k]);
                SeparablePass.Blend(lower, upper, z.Weight[k], destination);
            }
        });
        return new Volume<float>(target, output);
    }

    private static AxisSampling Sampling(Interpolation kind, int inputLength, int outputLength, double scale) =>
        kind == Interpolation.Nearest ? AxisSampling.Nearest(inputLength, outputLength, scale) : AxisSampling.Linear(inputLength, outputLength, scale);

    /// <summary>How one input z-plane becomes one output-grid plane: conversion to float, then the x and y passes.</summary>
    private sealed class PlanePlan
    {
        private readonly Shape3 _plane;
        private readonly Shape3 _middle;
        private readonly (int Axis, Interpolation Kind, AxisSampling? Linear, KernelSampling? Cubic)[] _passes;

        public PlanePlan(VolumeGeometry source, VolumeGeometry target, Interpolation[] kinds, bool[] unchanged)
        {
            _plane = new Shape3(source.Shape.X, source.Shape.Y, 1);
            // Most shrinking axis first, as Resampler does, so the second pass touches fewer voxels.
            _passes = new[] { 0, 1 }
                .Where(a => !unchanged[a])
                .OrderBy(a => (double)target.Shape[a] / source.Shape[a])
                .Select(a =>
                {
                    var scale = target.Spacing[a] / source.Spacing[a];
                    return kinds[a] == Interpolation.Cubic
                        ? (a, kinds[a], (AxisSampling?)null, KernelSampling.CubicMirror(source.Shape[a], target.Shape[a], scale))
                        : (a, kinds[a], Sampling(kinds[a], source.Shape[a], target.Shape[a], scale), (KernelSampling?)null);
                })
                .ToArray();
            _middle = _passes.Length == 0 ? _plane : _passes[0].Axis == 0
                ? _plane with { X = target.Shape.X }
                : _plane with { Y = target.Shape.Y };
        }

        /// <summary>Buffers one worker reuses: the converted input plane and the plane after the first pass.</summary>
        public (float[] Input, float[] Middle) NewScratch() => (new float[_plane.X * _plane.Y], new float[_middle.X * _middle.Y]);

        /// <summary>Input plane <paramref name="z"/> converted and resampled in x and y into <paramref name="destination"/>.</summary>
        public void Resample<T>(T[] data, int z, (float[] Input, float[] Middle) scratch, float[] destination) where T : unmanaged, INumber<T>
        {
            var length = _plane.X * _plane.Y;
            var input = data.AsSpan(z * length, length);
            var converted = _passes.Length == 0 ? destination : scratch.Input;
            for (var i = 0; i < input.Length; i++)
                converted[i] = float.CreateTruncating(input[i]);
            var shape = _plane;
            for (var p = 0; p < _passes.Length; p++)
            {
                var from = p == 0 ? scratch.Input : scratch.Middle;
                var to = p == _passes.Length - 1 ? destination : scratch.Middle;
                shape = Pass(_passes[p], from, shape, to);
            }
        }

        private static Shape3 Pass((int Axis, Interpolation Kind, AxisSampling? Linear, KernelSampling? Cubic) pass, float[] from, Shape3 shape, float[] to)
        {
            if (pass.Kind == Interpolation.Cubic)
            {
                // Rare in-plane choice: the shared cubic code allocates its own arrays; copy the result over.
                var copy = from.AsSpan(0, shape.X * shape.Y).ToArray();
                BSplinePrefilter.AlongAxis(copy, shape, pass.Axis);
                var result = KernelPass.Along(copy, shape, pass.Axis, pass.Cubic!, out var outShape);
                result.CopyTo(to, 0);
                return outShape;
            }

            var sampling = pass.Linear!;
            if (pass.Axis == 0)
            {
                var o = shape with { X = sampling.Length };
                for (var y = 0; y < shape.Y; y++)
                {
                    var inRow = from.AsSpan(y * shape.X, shape.X);
                    var outRow = to.AsSpan(y * o.X, o.X);
                    for (var x = 0; x < outRow.Length; x++)
                    {
                        var a = inRow[sampling.Lower[x]];
                        outRow[x] = a + ((inRow[sampling.Upper[x]] - a) * sampling.Weight[x]);
                    }
                }

                return o;
            }

            var outY = shape with { Y = sampling.Length };
            for (var y = 0; y < outY.Y; y++)
            {
                SeparablePass.Blend(
                    from.AsSpan(sampling.Lower[y] * shape.X, shape.X),
                    from.AsSpan(sampling.Upper[y] * shape.X, shape.X),
                    sampling.Weight[y],
                    to.AsSpan(y * shape.X, shape.X));
            }

            return outY;
        }
    }
}
