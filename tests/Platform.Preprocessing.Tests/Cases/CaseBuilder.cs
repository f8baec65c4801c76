using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Tests.Cases;

/// <summary>Small generated cases: a nonzero block inside a zero border, with ellipsoid labels inside it.</summary>
internal static class CaseBuilder
{
    public static readonly Shape3 Shape = new(30, 26, 12);

    public static readonly Vector3D AnisotropicSpacing = new(0.8, 1.0, 3.0);

    /// <summary>Direction matrices (columns = voxel axes in LPS world), named by what they test.</summary>
    public static Matrix3 Direction(string name) => name switch
    {
        "LPS" => Matrix3.Identity,
        "RAS" => Matrix3.Diagonal(new Vector3D(-1, -1, 1)),
        "LAS" => Matrix3.Diagonal(new Vector3D(1, -1, 1)),
        // Voxel x runs Superior, y Left, z Posterior: a permutation as well as no flip.
        "SLP" => Matrix3.FromColumns(new Vector3D(0, 0, 1), new Vector3D(1, 0, 0), new Vector3D(0, 1, 0)),
        "Oblique" => Rotation(20, 12) * Matrix3.Diagonal(new Vector3D(-1, 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Rotation about z by <paramref name="aboutZ"/> degrees, then about x by <paramref name="aboutX"/>.</summary>
    private static Matrix3 Rotation(double aboutZ, double aboutX)
    {
        var (cz, sz) = (Math.Cos(aboutZ * Math.PI / 180), Math.Sin(aboutZ * Math.PI / 180));
        var (cx, sx) = (Math.Cos(aboutX * Math.PI / 180), Math.Sin(aboutX * Math.PI / 180));
        var z = new Matrix3(cz, -sz, 0, sz, cz, 0, 0, 0, 1);
        var x = new Matrix3(1, 0, 0, 0, cx, -sx, 0, sx, cx);
        return x * z;
    }

    public static VolumeGeometry Geometry(string direction, Vector3D? spacing = null) =>
        new(Shape, spacing ?? AnisotropicSpacing, new Vector3D(-12.5, 40, 7.25), Direction(direction));

    /// <summary>Nonzero (unique values 1 + flat index) inside [3,27)×[2,24)×[1,11), zero outside.</summary>
    public static Volume<float> Image(VolumeGeometry geometry)
    {
        var image = new Volume<float>(geometry);
        for (var z = 1; z < 11; z++)
            for (var y = 2; y < 24; y++)
                for (var x = 3; x < 27; x++)
                    image.Data[image.IndexOf(x, y, z)] = 1 + image.IndexOf(x, y, z);
        return image;
    }

    /// <summary>Labels 1 and 2 as ellipsoids (in mm, so they are round in the world) and a 3 box, inside the nonzero block.</summary>
    public static Volume<byte> Label(VolumeGeometry geometry)
    {
        var label = new Volume<byte>(geometry);
        var s = geometry.Spacing;
        for (var z = 0; z < Shape.Z; z++)
            for (var y = 0; y < Shape.Y; y++)
                for (var x = 0; x < Shape.X; x++)
                {
                    if (Inside(x, y, z, new Vector3D(11, 12, 6), 6.0, s))
                        label.Data[label.IndexOf(x, y, z)] = 1;
                    else if (Inside(x, y, z, new Vector3D(20, 13, 5), 5.5, s))
                        label.Data[label.IndexOf(x, y, z)] = 2;
                    else if (x is >= 13 and < 21 && y is >= 17 and < 23 && z is >= 5 and < 10)
                        label.Data[label.IndexOf(x, y, z)] = 3;
                }

        return label;
    }

    private static bool Inside(int x, int y, int z, Vector3D centre, double radiusMm, Vector3D spacing)
    {
        var d = new Vector3D(x - centre.X, y - centre.Y, z - centre.Z).Scale(spacing);
        return d.Length <= radiusMm;
    }

    public static CasePreprocessingSettings Settings(Vector3D spacing, CaseMode mode = CaseMode.Source) => new()
    {
        TargetSpacing = spacing,
        Normalization = [ChannelNormalization.None],
        Mode = mode,
    };

    public static double Dice(Volume<byte> a, Volume<byte> b, byte label)
    {
        long both = 0, inA = 0, inB = 0;
        for (var i = 0; i < a.Data.Length; i++)
        {
            var x = a.Data[i] == label;
            var y = b.Data[i] == label;
            inA += x ? 1 : 0;
            inB += y ? 1 : 0;
            both += x && y ? 1 : 0;
        }

        return inA + inB == 0 ? 1 : 2.0 * both / (inA + inB);
    }
}
