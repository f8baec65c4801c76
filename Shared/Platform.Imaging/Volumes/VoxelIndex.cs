namespace Platform.Imaging.Volumes;

/// <summary>
/// A voxel position (x, y, z), in the same order as <c>Volume&lt;T&gt;[x, y, z]</c> and <see cref="Shape3"/>.
/// It may lie outside a volume (a patch start can be negative or past the end).
/// </summary>
public readonly record struct VoxelIndex(int X, int Y, int Z)
{
    public override string ToString() => $"({X}, {Y}, {Z})";
}
