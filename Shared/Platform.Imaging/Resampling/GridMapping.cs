using Platform.Imaging.Volumes;

namespace Platform.Imaging.Resampling;

/// <summary>
/// The physical mapping from a target grid to a source grid: the continuous source index of target voxel
/// <c>i</c> is <c>Matrix · i + Offset</c> (target index → world → source index, composed once so the voxel
/// loops do no matrix work). For identical grids the matrix is the identity up to rounding (~1e-16).
/// </summary>
internal readonly record struct GridMapping(Matrix3 Matrix, Vector3D Offset)
{
    /// <summary>
    /// Neglected off-axis terms may move a sample by at most this many voxels over the whole target axis
    /// before a mapping stops counting as axis-aligned; far below any interpolation weight that matters.
    /// </summary>
    public const double AlignmentTolerance = 1e-6;

    public static GridMapping Between(VolumeGeometry source, VolumeGeometry target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var worldToSource = source.WorldToIndexMatrix;
        return new GridMapping(worldToSource * target.IndexToWorldMatrix, worldToSource * (target.Origin - source.Origin));
    }

    public Vector3D SourceIndexOf(double x, double y, double z) => Offset + (Matrix * new Vector3D(x, y, z));

    /// <summary>
    /// For each target axis the one source axis it runs along (a permutation, possibly flipped and scaled),
    /// or null when some target axis moves along more than one source axis (an oblique mapping).
    /// </summary>
    public int[]? AlignedAxes(Shape3 target)
    {
        var result = new int[3];
        var used = new bool[3];
        for (var t = 0; t < 3; t++)
        {
            var s = 0;
            for (var r = 1; r < 3; r++)
                if (Math.Abs(Matrix[r, t]) > Math.Abs(Matrix[s, t]))
                    s = r;
            var reach = Math.Max(target[t] - 1, 1);
            for (var r = 0; r < 3; r++)
                if (r != s && Math.Abs(Matrix[r, t]) * reach > AlignmentTolerance)
                    return null;
            if (used[s])
                return null;
            used[s] = true;
            result[t] = s;
        }

        return result;
    }
}
