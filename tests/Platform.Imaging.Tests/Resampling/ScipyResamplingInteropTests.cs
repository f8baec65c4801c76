using System.Runtime.InteropServices;
using Platform.Imaging.Resampling;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Resampling;

/// <summary>
/// scipy.ndimage.map_coordinates(order=1, mode='nearest') evaluated at the input index of every output
/// voxel's world position (computed from the two geometries) must match our separable resampling within
/// 1e-4 of the intensity range (float32 arithmetic).
/// </summary>
[Trait("Category", "Interop")]
public sealed class ScipyResamplingInteropTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(0.7, 1.3, 0.9, false)]
    [InlineData(1.0, 1.0, 1.0, false)]
    [InlineData(0.6, 0.6, 1.0, true)]
    public void Matches_map_coordinates_at_the_same_physical_positions(double sx, double sy, double sz, bool anisotropic)
    {
        var spacing = anisotropic ? new Vector3D(0.8, 0.8, 4.0) : new Vector3D(0.9, 1.1, 1.4);
        var source = new VolumeGeometry(new Shape3(23, 19, 11), spacing, new Vector3D(3, 4, 5), TestVolumes.Oblique(new Shape3(1, 1, 1)).Direction);
        var image = TestVolumes.Random<short>(source, 11, -1000, 2000);

        var result = Resampler.Resample(image, new Vector3D(sx, sy, sz));

        var s = result.Shape;
        var coords = new double[3 * s.VoxelCount];
        var n = 0;
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
                for (var x = 0; x < s.X; x++, n++)
                {
                    var at = source.WorldToIndex(result.Geometry.IndexToWorld(x, y, z));
                    coords[n] = at.X;
                    coords[s.VoxelCount + n] = at.Y;
                    // The anisotropic rule takes the nearest slice along z: give scipy that slice exactly.
                    coords[(2 * s.VoxelCount) + n] = anisotropic ? Math.Clamp(Math.Floor(at.Z + 0.5), 0, source.Shape.Z - 1) : at.Z;
                }

        File.WriteAllBytes(_dir.File("input.f64"), MemoryMarshal.AsBytes(image.ConvertTo<double>().Data.AsSpan()).ToArray());
        File.WriteAllBytes(_dir.File("coords.f64"), MemoryMarshal.AsBytes(coords.AsSpan()).ToArray());
        Python.Run(_dir.Path, $"""
            import numpy as np
            from scipy.ndimage import map_coordinates
            a = np.fromfile('input.f64', dtype='<f8').reshape(({source.Shape.X}, {source.Shape.Y}, {source.Shape.Z}), order='F')
            c = np.fromfile('coords.f64', dtype='<f8').reshape(3, -1)
            map_coordinates(a, c, order=1, mode='nearest').astype('<f8').tofile('expected.f64')
            """);
        var expected = MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(_dir.File("expected.f64"))).ToArray();

        Assert.Equal(result.Data.Length, expected.Length);
        var worst = result.Data.Select((v, i) => Math.Abs(v - expected[i])).Max();
        Assert.True(worst <= 3000 * 1e-4, $"largest difference from scipy is {worst}");
    }
}
