using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Support;

/// <summary>Builders for test volumes with known, independent content.</summary>
public static class TestVolumes
{
    /// <summary>An oblique, flipped, anisotropic grid: every geometry code path matters with it.</summary>
    public static VolumeGeometry Oblique(Shape3 shape)
    {
        var angle = 0.3;
        var (s, c) = Math.SinCos(angle);
        // Rotation about z by 0.3 rad, then the y axis flipped: a proper-looking but left-handed frame.
        var direction = Matrix3.FromColumns(new Vector3D(c, s, 0), new Vector3D(s, -c, 0), new Vector3D(0, 0, 1));
        return new VolumeGeometry(shape, new Vector3D(0.7, 0.9, 2.5), new Vector3D(-120.5, 33.25, 17), direction);
    }

    /// <summary>Voxel value = a simple function of its index (so a permutation is visible), cast to T.</summary>
    public static Volume<T> Ramp<T>(VolumeGeometry geometry) where T : unmanaged, INumber<T>
    {
        var v = new Volume<T>(geometry);
        var s = geometry.Shape;
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
                for (var x = 0; x < s.X; x++)
                    v[x, y, z] = T.CreateTruncating(((x + (3 * y) + (7 * z)) % 100) - 20);
        return v;
    }

    public static Volume<T> Random<T>(VolumeGeometry geometry, int seed, double min, double max) where T : unmanaged, INumber<T>
    {
        var random = new Random(seed);
        var v = new Volume<T>(geometry);
        for (var i = 0; i < v.Data.Length; i++)
            v.Data[i] = T.CreateTruncating(min + (random.NextDouble() * (max - min)));
        return v;
    }

    public static void AssertGeometryEqual(VolumeGeometry expected, VolumeGeometry actual, double tolerance)
    {
        Xunit.Assert.Equal(expected.Shape, actual.Shape);
        Xunit.Assert.True(expected.Spacing.MaxAbsDifference(actual.Spacing) <= tolerance, $"spacing {actual.Spacing} != {expected.Spacing}");
        Xunit.Assert.True(expected.Origin.MaxAbsDifference(actual.Origin) <= tolerance, $"origin {actual.Origin} != {expected.Origin}");
        Xunit.Assert.True(expected.Direction.MaxAbsDifference(actual.Direction) <= tolerance, $"direction differs by {expected.Direction.MaxAbsDifference(actual.Direction)}");
    }
}
