using Platform.Imaging.Volumes;

namespace Platform.Training.Tests.Support;

/// <summary>Small volumes and grids for inference, evaluation and postprocessing tests.</summary>
internal static class TestVolumes
{
    public static Volume<byte> Labels(Shape3 shape, Vector3D? spacing = null) => new(VolumeGeometry.Identity(shape, spacing));

    public static void Fill<T>(Volume<T> volume, int x0, int y0, int z0, int x1, int y1, int z1, T value)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        for (var z = z0; z < z1; z++)
            for (var y = y0; y < y1; y++)
                for (var x = x0; x < x1; x++)
                    volume[x, y, z] = value;
    }

    /// <summary>Deterministic values in [-2, 2) that differ from voxel to voxel.</summary>
    public static float[] Random(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++)
            values[i] = (float)((random.NextDouble() * 4) - 2);
        return values;
    }

    /// <summary>Rotation about z by <paramref name="aboutZ"/> degrees, then about x by <paramref name="aboutX"/>, then a flip of voxel x.</summary>
    public static Matrix3 ObliqueFlipped(double aboutZ, double aboutX)
    {
        var (cz, sz) = (Math.Cos(aboutZ * Math.PI / 180), Math.Sin(aboutZ * Math.PI / 180));
        var (cx, sx) = (Math.Cos(aboutX * Math.PI / 180), Math.Sin(aboutX * Math.PI / 180));
        var z = new Matrix3(cz, -sz, 0, sz, cz, 0, 0, 0, 1);
        var x = new Matrix3(1, 0, 0, 0, cx, -sx, 0, sx, cx);
        return x * z * Matrix3.Diagonal(new Vector3D(-1, 1, 1));
    }

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

        return inA + inB == 0 ? double.NaN : 2.0 * both / (inA + inB);
    }
}
