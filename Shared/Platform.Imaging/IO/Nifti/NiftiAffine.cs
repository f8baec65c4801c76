using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.Nifti;

/// <summary>A NIfTI voxel-to-world affine in RAS+ millimetres: world = Linear · index + Translation.</summary>
public readonly record struct RasAffine(Matrix3 Linear, Vector3D Translation)
{
    public Vector3D Apply(Vector3D index) => (Linear * index) + Translation;
}

/// <summary>
/// The geometry rules of NIfTI as nibabel applies them (<c>get_best_affine</c>): the sform when
/// sform_code ≠ 0, else the qform when qform_code ≠ 0, else a pixdim-only affine with x flipped and the
/// grid centred. NIfTI is RAS; <see cref="VolumeGeometry"/> is LPS, so x and y change sign at this boundary.
/// </summary>
public static class NiftiAffine
{
    private static readonly Matrix3 RasToLps = Matrix3.Diagonal(new Vector3D(-1, -1, 1));

    public static RasAffine Best(NiftiHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.SformCode != 0)
            return Sform(header);
        if (header.QformCode != 0)
            return Qform(header);
        return Base(header);
    }

    public static RasAffine Sform(NiftiHeader h) => new(
        Matrix3.FromRows(
            new Vector3D(h.SrowX[0], h.SrowX[1], h.SrowX[2]),
            new Vector3D(h.SrowY[0], h.SrowY[1], h.SrowY[2]),
            new Vector3D(h.SrowZ[0], h.SrowZ[1], h.SrowZ[2])),
        new Vector3D(h.SrowX[3], h.SrowY[3], h.SrowZ[3]));

    /// <summary>
    /// Rotation from the unit quaternion (a, b, c, d) with a = √(1 − b² − c² − d²), then voxel sizes, with
    /// the z column multiplied by qfac (pixdim[0]; any value other than −1 counts as 1).
    /// </summary>
    public static RasAffine Qform(NiftiHeader h)
    {
        double b = h.QuaternB, c = h.QuaternC, d = h.QuaternD;
        var aa = 1.0 - ((b * b) + (c * c) + (d * d));
        // Rounding in float32 quaternions can push a² a little below zero: that means a = 0 (a 180° turn).
        var a = aa > 0 ? Math.Sqrt(aa) : 0.0;
        if (aa < 0)
        {
            var norm = Math.Sqrt((b * b) + (c * c) + (d * d));
            (b, c, d) = (b / norm, c / norm, d / norm);
        }

        var rotation = new Matrix3(
            (a * a) + (b * b) - (c * c) - (d * d), 2 * ((b * c) - (a * d)), 2 * ((b * d) + (a * c)),
            2 * ((b * c) + (a * d)), (a * a) + (c * c) - (b * b) - (d * d), 2 * ((c * d) - (a * b)),
            2 * ((b * d) - (a * c)), 2 * ((c * d) + (a * b)), (a * a) + (d * d) - (c * c) - (b * b));
        var qfac = h.PixDim[0] < 0 ? -1.0 : 1.0;
        var zooms = new Vector3D(Math.Abs(h.PixDim[1]), Math.Abs(h.PixDim[2]), Math.Abs(h.PixDim[3]) * qfac);
        return new RasAffine(rotation * Matrix3.Diagonal(zooms), new Vector3D(h.QOffsetX, h.QOffsetY, h.QOffsetZ));
    }

    /// <summary>nibabel's fallback (ANALYZE convention): diag(−dx, dy, dz) with the grid centre at the world origin.</summary>
    public static RasAffine Base(NiftiHeader h)
    {
        var zooms = new Vector3D(-Math.Abs(h.PixDim[1]), Math.Abs(h.PixDim[2]), Math.Abs(h.PixDim[3]));
        var dims = h.Dim[0];
        var centre = new Vector3D(
            (SizeOrOne(h, 1, dims) - 1) / 2.0,
            (SizeOrOne(h, 2, dims) - 1) / 2.0,
            (SizeOrOne(h, 3, dims) - 1) / 2.0);
        return new RasAffine(Matrix3.Diagonal(zooms), -centre.Scale(zooms));
    }

    private static long SizeOrOne(NiftiHeader h, int axis, long dims) => axis <= dims ? h.Dim[axis] : 1;

    /// <summary>The LPS geometry of a RAS affine; throws <see cref="ImplausibleDimensionsException"/> for a degenerate one.</summary>
    public static VolumeGeometry ToGeometry(RasAffine affine, Shape3 shape, string path)
    {
        var linear = RasToLps * affine.Linear;
        var origin = RasToLps * affine.Translation;
        var spacing = new Vector3D(linear.Column(0).Length, linear.Column(1).Length, linear.Column(2).Length);
        if (!Plausible(spacing.X) || !Plausible(spacing.Y) || !Plausible(spacing.Z) || !origin.IsFinite || origin.Length > 1e12)
            throw new ImplausibleDimensionsException(path, $"the voxel-to-world affine is degenerate (voxel sizes {spacing}, origin {origin})");
        var direction = Matrix3.FromColumns(linear.Column(0) * (1 / spacing.X), linear.Column(1) * (1 / spacing.Y), linear.Column(2) * (1 / spacing.Z));
        if (Math.Abs(direction.Determinant) < 1e-6)
            throw new ImplausibleDimensionsException(path, "the voxel-to-world affine is singular (two voxel axes point the same way)");
        try
        {
            return new VolumeGeometry(shape, spacing, origin, direction);
        }
        catch (ArgumentException e)
        {
            throw new ImplausibleDimensionsException(path, $"the voxel-to-world affine is unusable: {e.Message}");
        }
    }

    /// <summary>Voxel sizes from a nanometre to a kilometre (in mm); anything else is a corrupt header.</summary>
    private static bool Plausible(double size) => double.IsFinite(size) && size >= 1e-6 && size <= 1e6;

    /// <summary>The RAS affine of an LPS geometry (what we write as the sform).</summary>
    public static RasAffine FromGeometry(VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return new RasAffine(RasToLps * geometry.IndexToWorldMatrix, RasToLps * geometry.Origin);
    }

    /// <summary>
    /// Fills the qform fields (quaternion, qfac, pixdim, offsets) from an affine. A sheared linear part has
    /// no exact quaternion; its nearest rotation (polar decomposition) is stored, and the sform stays exact.
    /// </summary>
    public static void SetQform(NiftiHeader header, RasAffine affine)
    {
        ArgumentNullException.ThrowIfNull(header);
        var m = affine.Linear;
        var zooms = new Vector3D(m.Column(0).Length, m.Column(1).Length, m.Column(2).Length);
        var r = Matrix3.FromColumns(m.Column(0) * (1 / zooms.X), m.Column(1) * (1 / zooms.Y), m.Column(2) * (1 / zooms.Z));
        var qfac = 1.0;
        if (r.Determinant < 0)
        {
            qfac = -1;
            r = Matrix3.FromColumns(r.Column(0), r.Column(1), -r.Column(2));
        }

        var (_, b, c, d) = ToQuaternion(NearestRotation(r));
        header.QuaternB = b;
        header.QuaternC = c;
        header.QuaternD = d;
        header.PixDim[0] = qfac;
        header.PixDim[1] = zooms.X;
        header.PixDim[2] = zooms.Y;
        header.PixDim[3] = zooms.Z;
        header.QOffsetX = affine.Translation.X;
        header.QOffsetY = affine.Translation.Y;
        header.QOffsetZ = affine.Translation.Z;
    }

    public static void SetSform(NiftiHeader header, RasAffine affine)
    {
        ArgumentNullException.ThrowIfNull(header);
        var m = affine.Linear;
        var t = affine.Translation;
        header.SrowX = [m.M00, m.M01, m.M02, t.X];
        header.SrowY = [m.M10, m.M11, m.M12, t.Y];
        header.SrowZ = [m.M20, m.M21, m.M22, t.Z];
    }

    /// <summary>Unit quaternion (a ≥ 0) of a proper rotation, by the largest-pivot (Shepperd) method.</summary>
    public static (double A, double B, double C, double D) ToQuaternion(Matrix3 r)
    {
        double a, b, c, d;
        var trace = r.M00 + r.M11 + r.M22;
        if (trace > 0)
        {
            var s = Math.Sqrt(trace + 1) * 2;
            (a, b, c, d) = (0.25 * s, (r.M21 - r.M12) / s, (r.M02 - r.M20) / s, (r.M10 - r.M01) / s);
        }
        else if (r.M00 > r.M11 && r.M00 > r.M22)
        {
            var s = Math.Sqrt(1 + r.M00 - r.M11 - r.M22) * 2;
            (a, b, c, d) = ((r.M21 - r.M12) / s, 0.25 * s, (r.M01 + r.M10) / s, (r.M02 + r.M20) / s);
        }
        else if (r.M11 > r.M22)
        {
            var s = Math.Sqrt(1 + r.M11 - r.M00 - r.M22) * 2;
            (a, b, c, d) = ((r.M02 - r.M20) / s, (r.M01 + r.M10) / s, 0.25 * s, (r.M12 + r.M21) / s);
        }
        else
        {
            var s = Math.Sqrt(1 + r.M22 - r.M00 - r.M11) * 2;
            (a, b, c, d) = ((r.M10 - r.M01) / s, (r.M02 + r.M20) / s, (r.M12 + r.M21) / s, 0.25 * s);
        }

        return a < 0 ? (-a, -b, -c, -d) : (a, b, c, d);
    }

    /// <summary>The orthogonal factor of the polar decomposition, by Newton iteration X ← (X + X⁻ᵀ)/2.</summary>
    public static Matrix3 NearestRotation(Matrix3 m)
    {
        var x = m;
        for (var i = 0; i < 30; i++)
        {
            var inverseTranspose = x.Inverse().Transpose();
            var next = new Matrix3(
                (x.M00 + inverseTranspose.M00) / 2, (x.M01 + inverseTranspose.M01) / 2, (x.M02 + inverseTranspose.M02) / 2,
                (x.M10 + inverseTranspose.M10) / 2, (x.M11 + inverseTranspose.M11) / 2, (x.M12 + inverseTranspose.M12) / 2,
                (x.M20 + inverseTranspose.M20) / 2, (x.M21 + inverseTranspose.M21) / 2, (x.M22 + inverseTranspose.M22) / 2);
            var change = next.MaxAbsDifference(x);
            x = next;
            if (change < 1e-15)
                break;
        }

        return x;
    }
}
