namespace Platform.Imaging.Volumes;

/// <summary>
/// Where a voxel grid sits in the patient. World coordinates are millimetres in <b>LPS</b> (DICOM/ITK:
/// +x towards the patient's left, +y posterior, +z superior), the convention NRRD and MetaImage files
/// use; NIfTI's RAS affines are converted at the IO boundary (<c>IO/Nifti/NiftiAffine</c>).
/// <para>world = Origin + Direction · diag(Spacing) · index, with Direction's columns the unit world
/// directions of the x, y and z voxel axes (they need not be orthogonal: a sheared NIfTI sform keeps
/// its exact affine).</para>
/// </summary>
public sealed record VolumeGeometry
{
    public VolumeGeometry(Shape3 shape, Vector3D spacing, Vector3D origin, Matrix3 direction)
    {
        if (shape.X < 1 || shape.Y < 1 || shape.Z < 1)
            throw new ArgumentException($"Shape {shape} must be at least 1 along each axis.", nameof(shape));
        if (!spacing.IsFinite || spacing.X <= 0 || spacing.Y <= 0 || spacing.Z <= 0)
            throw new ArgumentException($"Spacing {spacing} must be finite and positive.", nameof(spacing));
        if (!origin.IsFinite)
            throw new ArgumentException($"Origin {origin} must be finite.", nameof(origin));
        if (!direction.IsFinite || Math.Abs(direction.Determinant) < 1e-12)
            throw new ArgumentException("Direction must be finite and invertible.", nameof(direction));
        Shape = shape;
        Spacing = spacing;
        Origin = origin;
        Direction = direction;
        _indexToWorld = direction * Matrix3.Diagonal(spacing);
        var det = _indexToWorld.Determinant;
        if (det == 0 || !double.IsFinite(det) || !double.IsFinite(1 / det))
            throw new ArgumentException($"Spacing {spacing} and direction give a singular voxel-to-world transform.", nameof(spacing));
        _worldToIndex = _indexToWorld.Inverse();
    }

    private readonly Matrix3 _indexToWorld;
    private readonly Matrix3 _worldToIndex;

    public Shape3 Shape { get; }

    public Vector3D Spacing { get; }

    public Vector3D Origin { get; }

    public Matrix3 Direction { get; }

    /// <summary>An axis-aligned LPS grid with the given shape and spacing and its first voxel at the origin.</summary>
    public static VolumeGeometry Identity(Shape3 shape, Vector3D? spacing = null) =>
        new(shape, spacing ?? Vector3D.One, Vector3D.Zero, Matrix3.Identity);

    /// <summary>Direction · diag(Spacing): maps an index step to a world step.</summary>
    public Matrix3 IndexToWorldMatrix => _indexToWorld;

    /// <summary>The inverse of <see cref="IndexToWorldMatrix"/>: maps a world step to a (continuous) index step.</summary>
    public Matrix3 WorldToIndexMatrix => _worldToIndex;

    public Vector3D IndexToWorld(Vector3D index) => Origin + (_indexToWorld * index);

    public Vector3D IndexToWorld(double x, double y, double z) => IndexToWorld(new Vector3D(x, y, z));

    /// <summary>Continuous index of a world point (not rounded, may lie outside the grid).</summary>
    public Vector3D WorldToIndex(Vector3D world) => _worldToIndex * (world - Origin);

    public VolumeGeometry WithShape(Shape3 shape) => new(shape, Spacing, Origin, Direction);

    public VolumeGeometry WithOrigin(Vector3D origin) => new(Shape, Spacing, origin, Direction);

    /// <summary>
    /// True when both grids cover the same voxels: same shape and spacing, origin and direction within
    /// <paramref name="tolerance"/> (FRAN accepts image/label pairs within 1e-4).
    /// </summary>
    public bool IsSameSpace(VolumeGeometry other, double tolerance = 1e-4) =>
        Shape == other.Shape
        && Spacing.MaxAbsDifference(other.Spacing) <= tolerance
        && Origin.MaxAbsDifference(other.Origin) <= tolerance
        && Direction.MaxAbsDifference(other.Direction) <= tolerance;

    public bool Equals(VolumeGeometry? other) =>
        other is not null && Shape == other.Shape && Spacing == other.Spacing && Origin == other.Origin && Direction == other.Direction;

    public override int GetHashCode() => HashCode.Combine(Shape, Spacing, Origin, Direction);

    public override string ToString() => $"shape {Shape}, spacing {Spacing}, origin {Origin}";
}
