using System.Numerics;
using System.Runtime.InteropServices;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Resampling;

/// <summary>
/// One 4-tap pass along an axis (the cubic counterpart of <see cref="SeparablePass"/>): along x each output is
/// a dot product of four gathered samples; along y and z whole rows/planes are combined, vectorised.
/// </summary>
internal static class KernelPass
{
    public static float[] Along(float[] src, Shape3 shape, int axis, KernelSampling sampling, out Shape3 outShape)
    {
        outShape = axis switch
        {
            0 => shape with { X = sampling.Length },
            1 => shape with { Y = sampling.Length },
            _ => shape with { Z = sampling.Length },
        };
        var o = outShape;
        var dst = new float[o.VoxelCount];
        var index = sampling.Index;
        var weight = sampling.Weight;
        const int taps = KernelSampling.Taps;
        switch (axis)
        {
            case 0:
                Parallel.For(0, o.Y * o.Z, row =>
                {
                    var inRow = src.AsSpan(row * shape.X, shape.X);
                    var outRow = dst.AsSpan(row * o.X, o.X);
                    for (var x = 0; x < outRow.Length; x++)
                    {
                        var t = x * taps;
                        outRow[x] = (inRow[index[t]] * weight[t]) + (inRow[index[t + 1]] * weight[t + 1])
                            + (inRow[index[t + 2]] * weight[t + 2]) + (inRow[index[t + 3]] * weight[t + 3]);
                    }
                });
                break;
            case 1:
                Parallel.For(0, o.Z, z =>
                {
                    var plane = z * shape.Y * shape.X;
                    for (var y = 0; y < o.Y; y++)
                        Combine(src, plane, shape.X, index.AsSpan(y * taps, taps), weight.AsSpan(y * taps, taps), dst.AsSpan((((z * o.Y) + y) * o.X), o.X));
                });
                break;
            default:
                // Planes split into row blocks so a thin output still keeps every core busy.
                var planeSize = shape.X * shape.Y;
                var blocks = Math.Max(1, Math.Min(shape.Y, 64));
                var rowsPerBlock = (shape.Y + blocks - 1) / blocks;
                Parallel.For(0, o.Z * blocks, job =>
                {
                    var z = job / blocks;
                    var firstRow = job % blocks * rowsPerBlock;
                    var rows = Math.Min(rowsPerBlock, shape.Y - firstRow);
                    if (rows <= 0)
                        return;
                    var offset = firstRow * shape.X;
                    Combine(src, offset, planeSize, index.AsSpan(z * taps, taps), weight.AsSpan(z * taps, taps), dst.AsSpan((z * planeSize) + offset, rows * shape.X));
                });
                break;
        }

        return dst;
    }

    /// <summary>dst = Σ_j weight[j] · src[start + index[j]·stride …], over dst.Length contiguous values.</summary>
    private static void Combine(float[] src, int start, int stride, ReadOnlySpan<int> index, ReadOnlySpan<float> weight, Span<float> dst)
    {
        var a = src.AsSpan(start + (index[0] * stride), dst.Length);
        var b = src.AsSpan(start + (index[1] * stride), dst.Length);
        var c = src.AsSpan(start + (index[2] * stride), dst.Length);
        var d = src.AsSpan(start + (index[3] * stride), dst.Length);
        float wa = weight[0], wb = weight[1], wc = weight[2], wd = weight[3];
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            var vc = MemoryMarshal.Cast<float, Vector<float>>(c);
            var vd = MemoryMarshal.Cast<float, Vector<float>>(d);
            var vo = MemoryMarshal.Cast<float, Vector<float>>(dst);
            for (var k = 0; k < vo.Length; k++)
                vo[k] = (va[k] * wa) + (vb[k] * wb) + (vc[k] * wc) + (vd[k] * wd);
            i = vo.Length * Vector<float>.Count;
        }

        for (; i < dst.Length; i++)
            dst[i] = (a[i] * wa) + (b[i] * wb) + (c[i] * wc) + (d[i] * wd);
    }
}
