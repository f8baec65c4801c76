using Platform.Imaging.Volumes;

namespace Platform.DemoData.Phantoms;

/// <summary>Rotations about the world axes, built from exact cos/sin entries (an identity stays exactly the identity).</summary>
internal static class Rotations
{
    /// <summary>About the superior (z) axis: the in-plane axes turn, the slice axis stays.</summary>
    public static Matrix3 AboutZ(double degrees)
    {
        var (sin, cos) = SinCos(degrees);
        return Matrix3.FromColumns(new Vector3D(cos, sin, 0), new Vector3D(-sin, cos, 0), new Vector3D(0, 0, 1));
    }

    public static Matrix3 AboutY(double degrees)
    {
        var (sin, cos) = SinCos(degrees);
        return Matrix3.FromColumns(new Vector3D(cos, 0, -sin), new Vector3D(0, 1, 0), new Vector3D(sin, 0, cos));
    }

    public static Matrix3 AboutX(double degrees)
    {
        var (sin, cos) = SinCos(degrees);
        return Matrix3.FromColumns(new Vector3D(1, 0, 0), new Vector3D(0, cos, sin), new Vector3D(0, -sin, cos));
    }

    /// <summary>Any orientation, for shapes that have no anatomical one (lesions).</summary>
    public static Matrix3 Any(Random random) =>
        AboutZ(random.Between(0, 360)) * AboutY(random.Between(0, 180)) * AboutX(random.Between(0, 360));

    private static (double Sin, double Cos) SinCos(double degrees) => Math.SinCos(degrees * Math.PI / 180);
}
