namespace Platform.Imaging.Volumes;

/// <summary>The number of voxels along x, y and z (x varies fastest in memory).</summary>
public readonly record struct Shape3(int X, int Y, int Z)
{
    public long VoxelCount => (long)X * Y * Z;

    public int this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "Axis must be 0, 1 or 2."),
    };

    public bool IsEmpty => X <= 0 || Y <= 0 || Z <= 0;

    public Vector3D ToVector() => new(X, Y, Z);

    public override string ToString() => $"{X}×{Y}×{Z}";
}
