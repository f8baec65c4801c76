namespace Platform.Preprocessing.Storage;

/// <summary>
/// A voxel position (x, y, z) in the same order as <c>Volume&lt;T&gt;[x, y, z]</c> and <c>Shape3</c>.
/// May lie outside the volume (patch starts can be negative or past the end).
/// </summary>
public readonly record struct VoxelIndex3(int X, int Y, int Z)
{
    public override string ToString() => $"({X}, {Y}, {Z})";
}
