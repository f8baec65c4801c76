namespace Platform.Preprocessing.Fingerprint;

/// <summary>An image's size in voxels along (x, y, z).</summary>
public readonly record struct GridSize(int X, int Y, int Z)
{
    public int this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "axis must be 0, 1 or 2"),
    };

    public long VoxelCount => (long)X * Y * Z;
}
