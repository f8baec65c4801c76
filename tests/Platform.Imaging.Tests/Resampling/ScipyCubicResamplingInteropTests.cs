using System.Globalization;
using System.Runtime.InteropServices;
using Platform.Imaging.Resampling;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Resampling;

/// <summary>
/// Cubic resampling to a target spacing against <c>scipy.ndimage.map_coordinates(order=3, mode='mirror')</c>
/// (its own prefilter) at the source index of each output voxel's world position, which Python computes from
/// both affines. For the anisotropic case our rule is in-plane cubic, nearest slice out of plane: scipy gets
/// the rounded slice index, where a 3D spline equals the in-plane 2D one because the spline interpolates.
/// Agreement within 1e-5 of the intensity range (we work in float32, scipy in float64; seen: 2e-7).
/// </summary>
[Trait("Category", "Interop")]
public sealed class ScipyCubicResamplingInteropTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(0.7, 1.3, 0.9, false)]
    [InlineData(0.45, 0.6, 1.0, true)]
    public void Matches_map_coordinates_order_3_mirror(double sx, double sy, double sz, bool anisotropic)
    {
        var spacing = anisotropic ? new Vector3D(0.8, 0.8, 4.0) : new Vector3D(0.9, 1.1, 1.4);
        var source = new VolumeGeometry(new Shape3(23, 19, 11), spacing, new Vector3D(3, 4, 5), TestVolumes.Oblique(new Shape3(1, 1, 1)).Direction);
        var image = TestVolumes.Random<short>(source, 12, -1000, 2000);
        var options = new ResampleOptions { InPlane = Interpolation.Cubic, OutOfPlane = Interpolation.Nearest, SeparateOutOfPlane = anisotropic };

        var result = Resampler.Resample(image, new Vector3D(sx, sy, sz), options);

        File.WriteAllBytes(_dir.File("input.f64"), MemoryMarshal.AsBytes(image.ConvertTo<double>().Data.AsSpan()).ToArray());
        var round = anisotropic ? "pts[2] = np.clip(np.floor(pts[2] + 0.5), 0, src_shape[2] - 1)" : "";
        Python.Run(_dir.Path, $"""
            import numpy as np
            from scipy.ndimage import map_coordinates
            def affine(spacing, origin, direction):
                a = np.eye(4); a[:3, :3] = np.array(direction).reshape(3, 3) @ np.diag(spacing); a[:3, 3] = origin
                return a
            src_shape = {Shape(source.Shape)}; tgt_shape = {Shape(result.Shape)}
            src = affine({Geometry(source)}); tgt = affine({Geometry(result.Geometry)})
            idx = np.indices(tgt_shape).reshape(3, -1, order='F')
            pts = (np.linalg.inv(src) @ tgt @ np.vstack([idx, np.ones(idx.shape[1])]))[:3]
            {round}
            a = np.fromfile('input.f64', dtype='<f8').reshape(src_shape, order='F')
            map_coordinates(a, pts, order=3, mode='mirror').astype('<f8').tofile('expected.f64')
            """);
        var expected = MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(_dir.File("expected.f64"))).ToArray();

        Assert.Equal(result.Data.Length, expected.Length);
        var worst = result.Data.Select((v, i) => Math.Abs(v - expected[i])).Max();
        Assert.True(worst <= 3000 * 1e-5, $"largest difference from scipy is {worst}");
    }

    private static string Shape(Shape3 s) => $"({s.X}, {s.Y}, {s.Z})";

    private static string Geometry(VolumeGeometry g)
    {
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var d = g.Direction;
        return $"[{F(g.Spacing.X)}, {F(g.Spacing.Y)}, {F(g.Spacing.Z)}], [{F(g.Origin.X)}, {F(g.Origin.Y)}, {F(g.Origin.Z)}], "
            + $"[{F(d.M00)}, {F(d.M01)}, {F(d.M02)}, {F(d.M10)}, {F(d.M11)}, {F(d.M12)}, {F(d.M20)}, {F(d.M21)}, {F(d.M22)}]";
    }
}
