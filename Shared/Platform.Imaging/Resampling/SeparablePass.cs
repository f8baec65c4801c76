using System.Numerics;
using System.Runtime.InteropServices;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Resampling;

/// <summary>
/// One 1D interpolation pass along an axis of a float volume. Scaling along grid axes is separable, so three
/// passes give exactly the tensor-product (trilinear) result at a fraction of the cost of 3D gathers. The y
/// and z passes blend whole rows/planes and are vectorised with <see cref="Vector{T}"/>.
/// </summary>
internal static class SeparablePass
{
    public static float[] Along(float[] src, Shape3 shape, int axis, AxisSampling sampling, out Shape3 outShape)
    {
        outShape = axis switch
        {
            0 => shape with { X = sampling.Length },
            1 => shape with { Y = sampling.Length },
            _ => shape with { Z = sampling.Length },
        };
        var dst = new float[outShape.VoxelCount];
        var o = outShape;
        switch (axis)
        {
            case 0:
                Parallel.For(0, o.Z, z =>
                {
                    for (var y = 0; y < o.Y; y++)
                    {
                        var inRow = src.AsSpan((int)(((long)z * shape.Y + y) * shape.X), shape.X);
                        var outRow = dst.AsSpan((int)(((long)z * o.Y + y) * o.X), o.X);
                        for (var x = 0; x < outRow.Length; x++)
                        {
                            var a = inRow[sampling.Lower[x]];
                            outRow[x] = a + ((inRow[sampling.Upper[x]] - a) * sampling.Weight[x]);
                        }
                    }
                });
                break;
            case 1:
                Parallel.For(0, o.Z, z =>
                {
                    for (var y = 0; y < o.Y; y++)
                    {
                        var plane = (long)z * shape.Y * shape.X;
                        Blend(
                            src.AsSpan((int)(plane + ((long)sampling.Lower[y] * shape.X)), shape.X),
                            src.AsSpan((int)(plane + ((long)sampling.Upper[y] * shape.X)), shape.X),
                            sampling.Weight[y],
                            dst.AsSpan((int)(((long)z * o.Y + y) * o.X), o.X));
                    }
                });
                break;
            default:
                var planeSize = shape.X * shape.Y;
                // Split planes into row blocks too, so a thin z range still keeps every core busy.
                var blocks = Math.Max(1, Math.Min(shape.Y, 64));
                var rowsPerBlock = (shape.Y + blocks - 1) / blocks;
                Parallel.For(0, (long)o.Z * blocks, job =>
                {
                    var z = (int)(job / blocks);
                    var firstRow = (int)(job % blocks) * rowsPerBlock;
                    var rows = Math.Min(rowsPerBlock, shape.Y - firstRow);
                    if (rows <= 0)
                        return;
                    var offset = firstRow * shape.X;
                    var count = rows * shape.X;
                    Blend(
                        src.AsSpan((int)(((long)sampling.Lower[z] * planeSize) + offset), count),
                        src.AsSpan((int)(((long)sampling.Upper[z] * planeSize) + offset), count),
                        sampling.Weight[z],
                        dst.AsSpan((int)(((long)z * planeSize) + offset), count));
                });
                break;
        }

        return dst;
    }

    /// <summary>dst = a + (b − a) · w, vectorised.</summary>
    public static void Blend(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float w, Span<float> dst)
    {
        if (w == 0)
        {
            a.CopyTo(dst);
            return;
        }

        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            var vd = MemoryMarshal.Cast<float, Vector<float>>(dst);
            var vw = new Vector<float>(w);
            for (var k = 0; k < va.Length; k++)
                vd[k] = va[k] + ((vb[k] - va[k]) * vw);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
            dst[i] = a[i] + ((b[i] - a[i]) * w);
    }

    /// <summary>Converts to float in parallel chunks.</summary>
    public static float[] ToFloat<T>(T[] data) where T : unmanaged, INumber<T>
    {
        var result = new float[data.Length];
        if (typeof(T) == typeof(float))
        {
            ((float[])(object)data).CopyTo(result, 0);
            return result;
        }

        const int chunk = 1 << 18;
        Parallel.For(0, (data.Length + chunk - 1) / chunk, c =>
        {
            var end = Math.Min(data.Length, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
                result[i] = float.CreateTruncating(data[i]);
        });
        return result;
    }
}
