using System.Runtime.CompilerServices;

namespace Platform.Imaging.Resampling;

/// <summary>
/// The per-axis rules for a continuous source index p on an axis of n voxels, shared by the aligned and the
/// oblique reference-grid paths so both give the same answer.
/// <list type="bullet">
/// <item>Field of view: voxel i covers [i − ½, i + ½], so p is inside when −½ ≤ p ≤ n − ½ (ITK's
/// convention); target voxels outside on any axis get the caller's outside value.</item>
/// <item>Inside, linear interpolation clamps p to [0, n − 1] (the half voxel at each edge repeats the edge
/// voxel, scipy's mode='nearest'); nearest rounds halves up, like scipy's order 0.</item>
/// </list>
/// </summary>
internal static class SourcePoint
{
    private const double SnapTolerance = 1e-6;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Snap(double p)
    {
        var r = Math.Round(p);
        return Math.Abs(p - r) <= SnapTolerance ? r : p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsInside(double p, int n) => p >= -0.5 - SnapTolerance && p <= n - 0.5 + SnapTolerance;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Nearest(double p, int n) => (int)Math.Clamp(Math.Floor(p + 0.5), 0, n - 1);

    /// <summary>
    /// The voxel at or below clamped p and the weight of the one above (callers take min(lower + 1, n − 1)).
    /// At the last voxel centre this is (n − 1, weight 0) rather than (n − 2, weight 1): a + (b − a)·1 need not
    /// equal b in floating point, and coincident grids must copy the last voxel exactly too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Lower(double p, int n, out float weight)
    {
        var c = Math.Clamp(p, 0, n - 1);
        var lower = (int)c;
        weight = (float)(c - lower);
        return lower;
    }
}
