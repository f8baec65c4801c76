using Platform.Imaging.Geometry;
using Platform.Imaging.Volumes;

namespace Platform.Datasources.Validation;

/// <summary>
/// A case's grid as its headers describe it (world convention LPS mm, as in Platform.Imaging).
/// </summary>
/// <param name="Shape">Voxels along x, y, z.</param>
/// <param name="Spacing">Voxel size in mm.</param>
/// <param name="Origin">World position of voxel (0, 0, 0), LPS mm.</param>
/// <param name="Direction">Unit world directions of the voxel axes (columns), LPS.</param>
/// <param name="OrientationCode">nibabel-style axis code, e.g. "RAS".</param>
/// <param name="ImageType">Voxel type the image loads as (first channel file).</param>
/// <param name="LabelType">Voxel type the label map loads as.</param>
/// <param name="Channels">Image channels over all image files.</param>
public sealed record CaseGeometry(
    Shape3 Shape,
    Vector3D Spacing,
    Vector3D Origin,
    Matrix3 Direction,
    string OrientationCode,
    VoxelType ImageType,
    VoxelType LabelType,
    int Channels)
{
    public static CaseGeometry From(VolumeHeader image, VolumeHeader label, int channels)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(label);
        var g = image.Geometry;
        return new CaseGeometry(g.Shape, g.Spacing, g.Origin, g.Direction, Orientation.CodeOf(g), image.LoadedType, label.LoadedType, channels);
    }
}
