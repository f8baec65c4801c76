using Platform.Imaging.Volumes;

namespace Platform.Imaging.Geometry;

/// <summary>
/// A box of voxel indices, <c>Min</c> inclusive and <c>Max</c> exclusive on each axis. It may reach outside
/// a volume (negative Min, Max beyond the shape): that is how padding is expressed.
/// </summary>
public readonly record struct Box3(int MinX, int MinY, int MinZ, int MaxX, int MaxY, int MaxZ)
{
    public static Box3 Of(Shape3 shape) => new(0, 0, 0, shape.X, shape.Y, shape.Z);

    public Shape3 Size => new(MaxX - MinX, MaxY - MinY, MaxZ - MinZ);

    public bool IsEmpty => MaxX <= MinX || MaxY <= MinY || MaxZ <= MinZ;

    public int Min(int axis) => axis switch { 0 => MinX, 1 => MinY, 2 => MinZ, _ => throw new ArgumentOutOfRangeException(nameof(axis)) };

    public int Max(int axis) => axis switch { 0 => MaxX, 1 => MaxY, 2 => MaxZ, _ => throw new ArgumentOutOfRangeException(nameof(axis)) };

    public Box3 Intersect(Box3 other) => new(
        Math.Max(MinX, other.MinX), Math.Max(MinY, other.MinY), Math.Max(MinZ, other.MinZ),
        Math.Min(MaxX, other.MaxX), Math.Min(MaxY, other.MaxY), Math.Min(MaxZ, other.MaxZ));

    public Box3 Union(Box3 other) => new(
        Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Min(MinZ, other.MinZ),
        Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY), Math.Max(MaxZ, other.MaxZ));

    /// <summary>Grows the box by a margin of voxels per axis on both sides.</summary>
    public Box3 Expand(int x, int y, int z) => new(MinX - x, MinY - y, MinZ - z, MaxX + x, MaxY + y, MaxZ + z);

    public bool Contains(int x, int y, int z) => x >= MinX && x < MaxX && y >= MinY && y < MaxY && z >= MinZ && z < MaxZ;

    public override string ToString() => $"[{MinX}:{MaxX}, {MinY}:{MaxY}, {MinZ}:{MaxZ}]";
}
