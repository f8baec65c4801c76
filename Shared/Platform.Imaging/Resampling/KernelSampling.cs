namespace Platform.Imaging.Resampling;

/// <summary>
/// A 4-tap sampling of one input axis for cubic B-spline evaluation: output o reads input indices
/// <c>Index[4o..4o+3]</c> (already mirrored into the grid) with <c>Weight[4o..4o+3]</c>. Positions follow
/// <see cref="AxisSampling.Position"/> and are not clamped: outside [0, n − 1] the mirrored spline continues,
/// as in scipy's mode='mirror'.
/// </summary>
internal sealed class KernelSampling
{
    public const int Taps = 4;

    private KernelSampling(int[] index, float[] weight)
    {
        Index = index;
        Weight = weight;
    }

    public int[] Index { get; }

    public float[] Weight { get; }

    public int Length => Index.Length / Taps;

    public static KernelSampling CubicMirror(int inputLength, int outputLength, double scale)
    {
        var index = new int[outputLength * Taps];
        var weight = new float[outputLength * Taps];
        for (var o = 0; o < outputLength; o++)
        {
            var p = AxisSampling.Position(o, inputLength, outputLength, scale);
            var first = (int)Math.Floor(p) - 1;
            for (var j = 0; j < Taps; j++)
            {
                index[(o * Taps) + j] = Mirror(first + j, inputLength);
                weight[(o * Taps) + j] = (float)CubicBSpline(p - (first + j));
            }
        }

        return new KernelSampling(index, weight);
    }

    /// <summary>The centred cubic B-spline β³(t): 2/3 − t² + |t|³/2 for |t| &lt; 1, (2 − |t|)³/6 for |t| &lt; 2.</summary>
    public static double CubicBSpline(double t)
    {
        t = Math.Abs(t);
        if (t < 1)
            return (2.0 / 3.0) - (t * t) + (t * t * t / 2);
        if (t < 2)
        {
            var u = 2 - t;
            return u * u * u / 6;
        }

        return 0;
    }

    /// <summary>Whole-sample mirror: …, 2, 1 | 0, 1, …, n−1 | n−2, …, with period 2n − 2.</summary>
    public static int Mirror(int k, int n)
    {
        if (n == 1)
            return 0;
        var period = (2 * n) - 2;
        k %= period;
        if (k < 0)
            k += period;
        return k < n ? k : period - k;
    }
}
