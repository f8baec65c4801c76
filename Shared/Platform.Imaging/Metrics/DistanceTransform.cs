namespace Platform.Imaging.Metrics;

/// <summary>
/// Exact squared Euclidean distance transform with anisotropic spacing (Felzenszwalb &amp; Huttenlocher's
/// separable lower-envelope algorithm): one 1D pass per axis over every line, O(n) per line.
/// </summary>
internal static class DistanceTransform
{
    /// <summary>Squared distance in mm² from every voxel to the nearest feature voxel (∞ when there is none).</summary>
    public static double[] Squared(bool[] feature, int nx, int ny, int nz, double sx, double sy, double sz)
    {
        var d = new double[feature.Length];
        for (var i = 0; i < d.Length; i++)
            d[i] = feature[i] ? 0 : double.PositiveInfinity;
        Pass(d, nx, ny * nz, 1, nx, sx);
        Parallel.For(0, nz, z => Lines(d, ny, nx, nx, (long)z * nx * ny, 1, sy));
        Pass(d, nz, nx * ny, nx * ny, 1, sz);
        return d;
    }

    /// <summary>Transforms <paramref name="lines"/> lines of <paramref name="length"/> samples, each <paramref name="step"/> apart; line k starts at k·<paramref name="lineStride"/>.</summary>
    private static void Pass(double[] d, int length, int lines, int step, int lineStride, double spacing) =>
        Parallel.For(0, lines, new ParallelOptions(), () => new Scratch(length), (line, _, scratch) =>
        {
            Line(d, (long)line * lineStride, step, length, spacing, scratch);
            return scratch;
        }, _ => { });

    private static void Lines(double[] d, int length, int count, int step, long start, int lineStride, double spacing)
    {
        var scratch = new Scratch(length);
        for (var k = 0; k < count; k++)
            Line(d, start + (k * lineStride), step, length, spacing, scratch);
    }

    private sealed class Scratch(int n)
    {
        public double[] F { get; } = new double[n];
        public int[] V { get; } = new int[n];
        public double[] Z { get; } = new double[n + 1];
    }

    private static void Line(double[] d, long start, int step, int n, double spacing, Scratch s)
    {
        var f = s.F;
        var any = false;
        for (var i = 0; i < n; i++)
        {
            f[i] = d[start + ((long)i * step)];
            any |= !double.IsPositiveInfinity(f[i]);
        }

        if (!any)
            return;
        var v = s.V;
        var z = s.Z;
        var k = -1;
        for (var q = 0; q < n; q++)
        {
            if (double.IsPositiveInfinity(f[q]))
                continue;
            var pq = q * spacing;
            while (true)
            {
                if (k < 0)
                {
                    k = 0;
                    v[0] = q;
                    z[0] = double.NegativeInfinity;
                    z[1] = double.PositiveInfinity;
                    break;
                }

                var pv = v[k] * spacing;
                var intersection = ((f[q] + (pq * pq)) - (f[v[k]] + (pv * pv))) / (2 * (pq - pv));
                if (intersection <= z[k])
                {
                    k--;
                    continue;
                }

                k++;
                v[k] = q;
                z[k] = intersection;
                z[k + 1] = double.PositiveInfinity;
                break;
            }
        }

        k = 0;
        for (var q = 0; q < n; q++)
        {
            var pq = q * spacing;
            while (z[k + 1] < pq)
                k++;
            var delta = pq - (v[k] * spacing);
            d[start + ((long)q * step)] = (delta * delta) + f[v[k]];
        }
    }
}
