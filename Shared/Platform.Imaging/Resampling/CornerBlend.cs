using System.Numerics;
using System.Runtime.CompilerServices;

namespace Platform.Imaging.Resampling;

/// <summary>
/// Turns the 2×2×2 source voxels around a sample point into one output value. Corner offsets are sums of
/// one entry per axis (<c>x0|x1 + y0|y1 + z0|z1</c>); <c>wx, wy, wz</c> are the weights of the upper
/// corners. Implementations are structs with static members so the JIT specialises each loop.
/// </summary>
internal interface ICornerBlend<TIn, TOut>
{
    static abstract TOut Blend(TIn[] src, int x0, int x1, int y0, int y1, int z0, int z1, float wx, float wy, float wz);
}

/// <summary>Trilinear interpolation of a float image.</summary>
internal readonly struct TrilinearBlend : ICornerBlend<float, float>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Blend(float[] src, int x0, int x1, int y0, int y1, int z0, int z1, float wx, float wy, float wz)
    {
        var c00 = Lerp(src[z0 + y0 + x0], src[z0 + y0 + x1], wx);
        var c01 = Lerp(src[z0 + y1 + x0], src[z0 + y1 + x1], wx);
        var c10 = Lerp(src[z1 + y0 + x0], src[z1 + y0 + x1], wx);
        var c11 = Lerp(src[z1 + y1 + x0], src[z1 + y1 + x1], wx);
        return Lerp(Lerp(c00, c01, wy), Lerp(c10, c11, wy), wz);
    }

    // a + (b − a)·w returns a exactly when w is 0, which keeps coincident grids bit-exact.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Lerp(float a, float b, float w) => a + ((b - a) * w);
}

/// <summary>
/// One-hot linear for labels without one pass per label: the trilinear interpolation of label L's indicator
/// is the summed weight of the corners holding L, so the output is the corner label with the largest summed
/// weight (ties to the lower label, as in <see cref="LabelInterpolation.OneHotLinear"/>).
/// </summary>
internal readonly struct OneHotBlend<T> : ICornerBlend<T, T> where T : unmanaged, INumber<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Blend(T[] src, int x0, int x1, int y0, int y1, int z0, int z1, float wx, float wy, float wz)
    {
        float ux = 1 - wx, uy = 1 - wy, uz = 1 - wz;
        var best = src[z0 + y0 + x0];
        var bestWeight = -1f;
        // Corner k takes the upper x/y/z neighbour where bit 0/1/2 is set.
        for (var k = 0; k < 8; k++)
        {
            var label = src[Offset(k, x0, x1, y0, y1, z0, z1)];
            var seen = false;
            for (var j = 0; j < k && !seen; j++)
                seen = src[Offset(j, x0, x1, y0, y1, z0, z1)] == label;
            if (seen)
                continue;
            var weight = 0f;
            for (var j = k; j < 8; j++)
            {
                if (src[Offset(j, x0, x1, y0, y1, z0, z1)] == label)
                    weight += ((j & 1) != 0 ? wx : ux) * ((j & 2) != 0 ? wy : uy) * ((j & 4) != 0 ? wz : uz);
            }

            if (weight > bestWeight || (weight == bestWeight && label < best))
                (best, bestWeight) = (label, weight);
        }

        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Offset(int corner, int x0, int x1, int y0, int y1, int z0, int z1) =>
        ((corner & 1) != 0 ? x1 : x0) + ((corner & 2) != 0 ? y1 : y0) + ((corner & 4) != 0 ? z1 : z0);
}
