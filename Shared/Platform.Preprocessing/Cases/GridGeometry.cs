using Platform.Imaging.Geometry;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>
/// A voxel grid as plain arrays, so metadata serialises with System.Text.Json without converters.
/// <paramref name="Direction"/> is row-major, columns are the world (LPS) directions of the voxel axes.
/// </summary>
public sealed record GridGeometry(int[] Shape, double[] Spacing, double[] Origin, double[] Direction)
{
    public static GridGeometry From(VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var d = geometry.Direction;
        return new GridGeometry(
            [geometry.Shape.X, geometry.Shape.Y, geometry.Shape.Z],
            [geometry.Spacing.X, geometry.Spacing.Y, geometry.Spacing.Z],
            [geometry.Origin.X, geometry.Origin.Y, geometry.Origin.Z],
            [d.M00, d.M01, d.M02, d.M10, d.M11, d.M12, d.M20, d.M21, d.M22]);
    }

    public VolumeGeometry ToVolumeGeometry() => new(
        new Shape3(Shape[0], Shape[1], Shape[2]),
        new Vector3D(Spacing[0], Spacing[1], Spacing[2]),
        new Vector3D(Origin[0], Origin[1], Origin[2]),
        new Matrix3(Direction[0], Direction[1], Direction[2], Direction[3], Direction[4], Direction[5], Direction[6], Direction[7], Direction[8]));
}

/// <summary>A half-open voxel box [Min, Max) per axis, as plain arrays for JSON.</summary>
public sealed record VoxelBox(int[] Min, int[] Max)
{
    public static VoxelBox From(Box3 box) => new([box.MinX, box.MinY, box.MinZ], [box.MaxX, box.MaxY, box.MaxZ]);

    public Box3 ToBox3() => new(Min[0], Min[1], Min[2], Max[0], Max[1], Max[2]);
}

/// <summary>
/// The exact reorientation applied: target axis t is source axis <c>Source[t]</c>, reversed when <c>Flip[t]</c>.
/// </summary>
public sealed record AxisReorientation(int[] Source, bool[] Flip)
{
    public static AxisReorientation From(Reorientation.AxisMap map) => new((int[])map.Source.Clone(), (bool[])map.Flip.Clone());

    public Reorientation.AxisMap ToAxisMap() => new((int[])Source.Clone(), (bool[])Flip.Clone());

    /// <summary>
    /// The map back: original axis s comes from the target axis t with Source[t] = s, reversed by the same
    /// flip. Built from the stored map, not by re-planning from codes, so oblique ties cannot resolve differently.
    /// </summary>
    public Reorientation.AxisMap Inverse()
    {
        var source = new int[3];
        var flip = new bool[3];
        for (var t = 0; t < 3; t++)
        {
            source[Source[t]] = t;
            flip[Source[t]] = Flip[t];
        }

        return new Reorientation.AxisMap(source, flip);
    }
}
