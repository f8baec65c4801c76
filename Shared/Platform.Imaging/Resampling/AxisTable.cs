namespace Platform.Imaging.Resampling;

/// <summary>
/// Where each index of one target axis samples one source axis, for axis-aligned reference-grid mappings
/// (<c>p = Scale · i + Offset</c> in source voxels). Offsets are pre-multiplied by the source stride, so the
/// 3D loop adds three table entries per voxel and does no floating-point index arithmetic.
/// </summary>
internal sealed class AxisTable
{
    private AxisTable(int length)
    {
        Near = new int[length];
        Lower = new int[length];
        Upper = new int[length];
        Weight = new float[length];
        Inside = new bool[length];
    }

    /// <summary>Offset of the nearest source voxel.</summary>
    public int[] Near { get; }

    /// <summary>Offset of the source voxel below p (clamped into the grid).</summary>
    public int[] Lower { get; }

    /// <summary>Offset of the source voxel above p (equal to Lower at the edges).</summary>
    public int[] Upper { get; }

    /// <summary>Weight of Upper; exactly 0 where p falls on a voxel centre, so coincident grids copy voxels.</summary>
    public float[] Weight { get; }

    /// <summary>Whether p lies within the source's field of view along this axis (see <see cref="SourcePoint"/>).</summary>
    public bool[] Inside { get; }

    public static AxisTable Create(int targetLength, double scale, double offset, int sourceLength, int stride)
    {
        var table = new AxisTable(targetLength);
        for (var i = 0; i < targetLength; i++)
        {
            // Snap positions within rounding noise of a voxel centre, so an identity, flip or integer crop
            // mapping samples exactly one voxel with weight 0 (linear then reproduces the voxel bit for bit).
            var p = SourcePoint.Snap((scale * i) + offset);
            table.Inside[i] = SourcePoint.IsInside(p, sourceLength);
            table.Near[i] = SourcePoint.Nearest(p, sourceLength) * stride;
            var lower = SourcePoint.Lower(p, sourceLength, out var weight);
            table.Lower[i] = lower * stride;
            table.Upper[i] = Math.Min(lower + 1, sourceLength - 1) * stride;
            table.Weight[i] = weight;
        }

        return table;
    }
}
