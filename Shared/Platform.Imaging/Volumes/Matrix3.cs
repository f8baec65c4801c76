namespace Platform.Imaging.Volumes;

/// <summary>
/// A 3×3 matrix stored row-major (<c>Mrc</c> is row r, column c). In <see cref="VolumeGeometry"/> the
/// columns are the world directions of the voxel axes, as in ITK.
/// </summary>
public readonly record struct Matrix3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    public static Matrix3 Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public double this[int row, int column] => (row, column) switch
    {
        (0, 0) => M00,
        (0, 1) => M01,
        (0, 2) => M02,
        (1, 0) => M10,
        (1, 1) => M11,
        (1, 2) => M12,
        (2, 0) => M20,
        (2, 1) => M21,
        (2, 2) => M22,
        _ => throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {column}) is outside a 3×3 matrix."),
    };

    public static Matrix3 FromColumns(Vector3D c0, Vector3D c1, Vector3D c2) =>
        new(c0.X, c1.X, c2.X, c0.Y, c1.Y, c2.Y, c0.Z, c1.Z, c2.Z);

    public static Matrix3 FromRows(Vector3D r0, Vector3D r1, Vector3D r2) =>
        new(r0.X, r0.Y, r0.Z, r1.X, r1.Y, r1.Z, r2.X, r2.Y, r2.Z);

    public static Matrix3 Diagonal(Vector3D d) => new(d.X, 0, 0, 0, d.Y, 0, 0, 0, d.Z);

    public Vector3D Column(int c) => new(this[0, c], this[1, c], this[2, c]);

    public Vector3D Row(int r) => new(this[r, 0], this[r, 1], this[r, 2]);

    public double Determinant =>
        (M00 * ((M11 * M22) - (M12 * M21))) - (M01 * ((M10 * M22) - (M12 * M20))) + (M02 * ((M10 * M21) - (M11 * M20)));

    public Matrix3 Transpose() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    public Matrix3 Inverse()
    {
        var det = Determinant;
        if (det == 0 || !double.IsFinite(det))
            throw new InvalidOperationException("The matrix is singular and has no inverse.");
        var inv = 1.0 / det;
        return new Matrix3(
            ((M11 * M22) - (M12 * M21)) * inv, ((M02 * M21) - (M01 * M22)) * inv, ((M01 * M12) - (M02 * M11)) * inv,
            ((M12 * M20) - (M10 * M22)) * inv, ((M00 * M22) - (M02 * M20)) * inv, ((M02 * M10) - (M00 * M12)) * inv,
            ((M10 * M21) - (M11 * M20)) * inv, ((M01 * M20) - (M00 * M21)) * inv, ((M00 * M11) - (M01 * M10)) * inv);
    }

    public static Vector3D operator *(Matrix3 m, Vector3D v) => new(
        (m.M00 * v.X) + (m.M01 * v.Y) + (m.M02 * v.Z),
        (m.M10 * v.X) + (m.M11 * v.Y) + (m.M12 * v.Z),
        (m.M20 * v.X) + (m.M21 * v.Y) + (m.M22 * v.Z));

    public static Matrix3 operator *(Matrix3 a, Matrix3 b) => FromColumns(a * b.Column(0), a * b.Column(1), a * b.Column(2));

    public double MaxAbsDifference(Matrix3 other)
    {
        var max = 0.0;
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
                max = Math.Max(max, Math.Abs(this[r, c] - other[r, c]));
        return max;
    }

    public bool IsFinite
    {
        get
        {
            for (var r = 0; r < 3; r++)
                if (!Row(r).IsFinite)
                    return false;
            return true;
        }
    }
}
