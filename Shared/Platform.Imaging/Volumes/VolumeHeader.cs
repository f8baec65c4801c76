namespace Platform.Imaging.Volumes;

/// <summary>File formats the library reads and writes.</summary>
public enum ImageFormat
{
    Nifti1,
    Nifti2,
    Nrrd,
    MetaImage,
}

/// <summary>Linear intensity scaling stored in a file (NIfTI scl_slope/scl_inter): value = stored · Slope + Intercept.</summary>
public readonly record struct IntensityScaling(double Slope, double Intercept)
{
    public static IntensityScaling None => new(1, 0);

    public bool IsIdentity => Slope == 1 && Intercept == 0;
}

/// <summary>
/// What a file holds without its voxels: enough to scan a datasource of many thousands of cases
/// quickly (shape, spacing, orientation, type, channel count).
/// </summary>
/// <param name="FilePath">The file the header was read from.</param>
/// <param name="Format">The format and version.</param>
/// <param name="Geometry">Shape and LPS world geometry.</param>
/// <param name="StoredType">The element type on disk, before any <see cref="Scaling"/>.</param>
/// <param name="Channels">Product of the dimensions beyond the third (1 for a 3D file).</param>
/// <param name="Scaling">Intensity scaling the reader applies.</param>
public sealed record VolumeHeader(
    string FilePath,
    ImageFormat Format,
    VolumeGeometry Geometry,
    VoxelType StoredType,
    int Channels,
    IntensityScaling Scaling)
{
    public Shape3 Shape => Geometry.Shape;

    /// <summary>The type a reader returns by default: the stored type, or float32 when scaling applies.</summary>
    public VoxelType LoadedType => Scaling.IsIdentity ? StoredType : VoxelType.Float32;
}
