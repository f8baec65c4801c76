using System.Numerics;
using System.Runtime.InteropServices;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Resampling;

/// <summary>
/// The cubic B-spline prefilter along one axis (Unser's recursive filter, pole z = √3 − 2, gain 6) with
/// mirror boundaries, as scipy's <c>spline_filter1d(order=3, mode='mirror')</c>: after it, evaluating the
/// spline at a voxel centre returns the original voxel. Filtering is in place. Along x each row is filtered
/// in double precision; along y and z the recursion runs over whole rows/plane chunks at once (vectorised,
/// contiguous memory) instead of gathering strided lines.
/// </summary>
internal static class BSplinePrefilter
{
    private static readonly double Pole = Math.Sqrt(3) - 2;
    private const double Gain = 6;

    /// <summary>Columns filtered together along z; large enough for vectors, small enough to stay in cache.</summary>
    private const int ChunkLength = 2048;

    public static void AlongAxis(float[] data, Shape3 shape, int axis)
    {
        var n = shape[axis];
        if (n == 1)
            return; // a single sample is its own coefficient (scipy leaves length-1 axes alone)
        var init = CausalInitWeights(n);
        if (axis == 0)
        {
            Parallel.For(0, shape.Y * shape.Z, () => new double[n], (row, _, line) =>
            {
                var span = data.AsSpan(row * n, n);
                for (var i = 0; i < n; i++)
                    line[i] = span[i];
                FilterLine(line, init);
                for (var i = 0; i < n; i++)
                    span[i] = (float)line[i];
                return line;
            }, _ => { });
            return;
        }

        // Lines along y (or z) are the same element of n consecutive rows (planes), `inner` floats apart.
        var inner = axis == 1 ? shape.X : shape.X * shape.Y;
        var outer = axis == 1 ? shape.Z : 1;
        var chunks = (inner + ChunkLength - 1) / ChunkLength;
        Parallel.For(0, outer * chunks, () => new float[Math.Min(ChunkLength, inner)], (job, _, first) =>
        {
            var block = job / chunks;
            var start = job % chunks * ChunkLength;
            var length = Math.Min(ChunkLength, inner - start);
            FilterRows(data, (block * n * inner) + start, inner, n, length, init, first.AsSpan(0, length));
            return first;
        }, _ => { });
    }

    /// <summary>One line in double precision: gain, causal pass, anticausal pass.</summary>
    private static void FilterLine(double[] c, double[] init)
    {
        var n = c.Length;
        var z = Pole;
        for (var i = 0; i < n; i++)
            c[i] *= Gain;
        var c0 = 0.0;
        for (var k = 0; k < init.Length; k++)
            c0 += init[k] * c[k];
        c[0] = c0;
        for (var i = 1; i < n; i++)
            c[i] += z * c[i - 1];
        c[n - 1] = z / ((z * z) - 1) * (c[n - 1] + (z * c[n - 2]));
        for (var i = n - 2; i >= 0; i--)
            c[i] = z * (c[i + 1] - c[i]);
    }

    /// <summary>The same filter applied to <paramref name="length"/> parallel lines whose k-th samples are contiguous.</summary>
    private static void FilterRows(float[] data, int start, int stride, int n, int length, double[] init, Span<float> first)
    {
        var z = (float)Pole;
        Span<float> Row(int k) => data.AsSpan(start + (k * stride), length);
        for (var k = 0; k < n; k++)
            Scale(Row(k), (float)Gain);
        // Causal initialisation needs the unfiltered rows, so it is summed before the recursion overwrites them.
        first.Clear();
        for (var k = 0; k < init.Length; k++)
            AddScaled(first, Row(k), (float)init[k]);
        first.CopyTo(Row(0));
        for (var k = 1; k < n; k++)
            AddScaled(Row(k), Row(k - 1), z);
        // Anticausal: c[n-1] = z/(z²−1)·(c[n-1] + z·c[n-2]); c[k] = z·(c[k+1] − c[k]).
        var last = Row(n - 1);
        AddScaled(last, Row(n - 2), z);
        Scale(last, z / ((z * z) - 1));
        for (var k = n - 2; k >= 0; k--)
            SubtractFromScaled(Row(k), Row(k + 1), z);
    }

    /// <summary>
    /// Weights of the exact mirror-boundary causal initialisation, c⁺[0] = Σ w_k s_k with
    /// w_k = (z^k + z^(2n−2−k)) / (1 − z^(2n−2)) (the two ends counted once), cut where they fall below double
    /// precision (|z|^k &lt; 1e-17 after ~30 samples for long lines).
    /// </summary>
    private static double[] CausalInitWeights(int n)
    {
        var z = Pole;
        var denominator = 1 - Math.Pow(z, (2 * n) - 2);
        var weights = new double[n];
        weights[0] = 1 / denominator;
        weights[n - 1] = Math.Pow(z, n - 1) / denominator;
        for (var k = 1; k < n - 1; k++)
            weights[k] = (Math.Pow(z, k) + Math.Pow(z, (2 * n) - 2 - k)) / denominator;
        var used = n;
        while (used > 1 && Math.Abs(weights[used - 1]) < 1e-17)
            used--;
        return weights[..used];
    }

    private static void Scale(Span<float> row, float s)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var v = MemoryMarshal.Cast<float, Vector<float>>(row);
            for (var k = 0; k < v.Length; k++)
                v[k] *= s;
            i = v.Length * Vector<float>.Count;
        }

        for (; i < row.Length; i++)
            row[i] *= s;
    }

    /// <summary>dst += s · src.</summary>
    private static void AddScaled(Span<float> dst, ReadOnlySpan<float> src, float s)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vd = MemoryMarshal.Cast<float, Vector<float>>(dst);
            var vs = MemoryMarshal.Cast<float, Vector<float>>(src);
            for (var k = 0; k < vd.Length; k++)
                vd[k] += vs[k] * s;
            i = vd.Length * Vector<float>.Count;
        }

        for (; i < dst.Length; i++)
            dst[i] += src[i] * s;
    }

    /// <summary>dst = s · (next − dst).</summary>
    private static void SubtractFromScaled(Span<float> dst, ReadOnlySpan<float> next, float s)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vd = MemoryMarshal.Cast<float, Vector<float>>(dst);
            var vn = MemoryMarshal.Cast<float, Vector<float>>(next);
            for (var k = 0; k < vd.Length; k++)
                vd[k] = (vn[k] - vd[k]) * s;
            i = vd.Length * Vector<float>.Count;
        }

        for (; i < dst.Length; i++)
            dst[i] = (next[i] - dst[i]) * s;
    }
}
