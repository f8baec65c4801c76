namespace Platform.Imaging.Resampling;

/// <summary>
/// How one output axis samples one input axis: for output index o the input position is
/// <c>p = (n_in − 1)/2 + (o − (n_out − 1)/2) · scale</c> (centres of the two grids coincide), clamped to the
/// input (edge voxels repeat, like scipy's mode='nearest'). Precomputed once per axis so the 3D loops
/// only gather and blend.
/// </summary>
internal sealed class AxisSampling
{
    private AxisSampling(int[] lower, int[] upper, float[] weight)
    {
        Lower = lower;
        Upper = upper;
        Weight = weight;
    }

    /// <summary>Index of the sample below p.</summary>
    public int[] Lower { get; }

    /// <summary>Index of the sample above p (equal to Lower at the edges).</summary>
    public int[] Upper { get; }

    /// <summary>Weight of Upper; Lower gets 1 − Weight. Zero for nearest-neighbour sampling.</summary>
    public float[] Weight { get; }

    public int Length => Lower.Length;

    public static double Position(int output, int inputLength, int outputLength, double scale) =>
        ((inputLength - 1) / 2.0) + ((output - ((outputLength - 1) / 2.0)) * scale);

    public static AxisSampling Linear(int inputLength, int outputLength, double scale)
    {
        var lower = new int[outputLength];
        var upper = new int[outputLength];
        var weight = new float[outputLength];
        for (var o = 0; o < outputLength; o++)
        {
            var p = Math.Clamp(Position(o, inputLength, outputLength, scale), 0, inputLength - 1);
            // At p = n − 1 take (n − 1, n − 1, weight 0), not (n − 2, n − 1, weight 1): a + (b − a)·1 loses b's
            // low bits when |a| ≫ |b|, and a voxel the grids share must come through exactly.
            var i = (int)Math.Floor(p);
            lower[o] = i;
            upper[o] = Math.Min(i + 1, inputLength - 1);
            weight[o] = (float)(p - i);
        }

        return new AxisSampling(lower, upper, weight);
    }

    /// <summary>Nearest input index; halves round up (towards the higher index).</summary>
    public static AxisSampling Nearest(int inputLength, int outputLength, double scale)
    {
        var index = new int[outputLength];
        for (var o = 0; o < outputLength; o++)
            index[o] = (int)Math.Clamp(Math.Floor(Position(o, inputLength, outputLength, scale) + 0.5), 0, inputLength - 1);
        return new AxisSampling(index, index, new float[outputLength]);
    }
}
