using System.Globalization;
using System.Runtime.InteropServices;
using Platform.Imaging.Resampling;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Resampling;

/// <summary>
/// Reference-grid resampling against scipy: Python builds both voxel-to-world affines from the geometry
/// numbers, maps every target voxel to a source index itself (numpy, independent of our mapping code), samples
/// with <c>map_coordinates(mode='nearest')</c> (order 1 for images, order 0 for nearest, order 1 per label
/// indicator then argmax for one-hot) and sets target voxels outside the source's field of view
/// (index outside [−½, n − ½] on any axis) to the outside value. Images must agree within 1e-4 of the
/// intensity range (we interpolate in float32); labels exactly.
/// </summary>
[Trait("Category", "Interop")]
public sealed class ScipyGridResamplingInteropTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Targets => ["oblique", "aligned"];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Matches_map_coordinates_on_the_same_physical_mapping(string kind)
    {
        var source = TestVolumes.Oblique(new Shape3(21, 17, 9));
        var target = kind == "oblique" ? ObliqueTarget(source) : AlignedTarget(source);
        var image = TestVolumes.Random<short>(source, 21, -1000, 2000);
        var labels = TestVolumes.Random<byte>(source, 22, 0, 3.999);

        var linear = GridResampler.Resample(image, target, Interpolation.Linear, outside: -3000);
        var nearest = GridResampler.Resample(image, target, Interpolation.Nearest, outside: -3000);
        var oneHot = GridResampler.ResampleLabels(labels, target, LabelInterpolation.OneHotLinear, outside: (byte)7);

        File.WriteAllBytes(_dir.File("image.f64"), MemoryMarshal.AsBytes(image.ConvertTo<double>().Data.AsSpan()).ToArray());
        File.WriteAllBytes(_dir.File("labels.u8"), labels.Data);
        Python.Run(_dir.Path, $"""
            import numpy as np
            from scipy.ndimage import map_coordinates
            def affine(spacing, origin, direction):
                a = np.eye(4); a[:3, :3] = np.array(direction).reshape(3, 3) @ np.diag(spacing); a[:3, 3] = origin
                return a
            src_shape = {Tuple(source.Shape)}; tgt_shape = {Tuple(target.Shape)}
            src = affine({Geometry(source)}); tgt = affine({Geometry(target)})
            idx = np.indices(tgt_shape).reshape(3, -1, order='F')
            pts = (np.linalg.inv(src) @ tgt @ np.vstack([idx, np.ones(idx.shape[1])]))[:3]
            outside = np.any((pts < -0.5) | (pts > np.array(src_shape)[:, None] - 0.5), axis=0)
            image = np.fromfile('image.f64', dtype='<f8').reshape(src_shape, order='F')
            labels = np.fromfile('labels.u8', dtype='u1').reshape(src_shape, order='F')
            linear = map_coordinates(image, pts, order=1, mode='nearest'); linear[outside] = -3000
            nearest = map_coordinates(image, pts, order=0, mode='nearest'); nearest[outside] = -3000
            scores = np.stack([map_coordinates((labels == l).astype(float), pts, order=1, mode='nearest') for l in range(4)])
            onehot = np.argmax(scores, axis=0).astype('u1'); onehot[outside] = 7
            linear.astype('<f8').tofile('linear.f64'); nearest.astype('<f8').tofile('nearest.f64'); onehot.tofile('onehot.u8')
            """);
        var expectedLinear = MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(_dir.File("linear.f64"))).ToArray();
        var expectedNearest = MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(_dir.File("nearest.f64"))).ToArray();
        var expectedOneHot = File.ReadAllBytes(_dir.File("onehot.u8"));

        Assert.Equal(linear.Data.Length, expectedLinear.Length);
        // The case must exercise both sides of the field-of-view test, or it proves little.
        Assert.InRange(expectedLinear.Count(v => v == -3000), 1, expectedLinear.Length / 2);
        var worst = linear.Data.Select((v, i) => Math.Abs(v - expectedLinear[i])).Max();
        Assert.True(worst <= 3000 * 1e-4, $"largest linear difference from scipy is {worst}");
        Assert.Equal(expectedNearest, nearest.Data.Select(v => (double)v));
        Assert.Equal(expectedOneHot, oneHot.Data);
    }

    /// <summary>
    /// Rotated about an oblique axis relative to the source, finer spacing, centred a few millimetres off the
    /// source's centre so part of it lies outside the source.
    /// </summary>
    private static VolumeGeometry ObliqueTarget(VolumeGeometry source)
    {
        var (s, c) = Math.SinCos(0.5);
        var (s2, c2) = Math.SinCos(-0.35);
        var rz = Matrix3.FromRows(new Vector3D(c, -s, 0), new Vector3D(s, c, 0), new Vector3D(0, 0, 1));
        var rx = Matrix3.FromRows(new Vector3D(1, 0, 0), new Vector3D(0, c2, -s2), new Vector3D(0, s2, c2));
        var shape = new Shape3(19, 23, 13);
        var spacing = new Vector3D(0.6, 0.75, 1.1);
        var direction = rz * rx;
        var sourceCentre = source.IndexToWorld((source.Shape.X - 1) / 2.0, (source.Shape.Y - 1) / 2.0, (source.Shape.Z - 1) / 2.0);
        var halfExtent = direction * spacing.Scale(new Vector3D(shape.X - 1, shape.Y - 1, shape.Z - 1)) * 0.5;
        return new VolumeGeometry(shape, spacing, sourceCentre - halfExtent + new Vector3D(3, -2, 6), direction);
    }

    /// <summary>The source's axes permuted and flipped, other spacing, shifted by non-integer amounts, partly outside.</summary>
    private static VolumeGeometry AlignedTarget(VolumeGeometry source)
    {
        var d = source.Direction;
        return new VolumeGeometry(
            new Shape3(12, 31, 20),
            new Vector3D(1.7, 0.45, 0.8),
            source.IndexToWorld(17.3, 1.2, -1.4),
            Matrix3.FromColumns(d.Column(2), -d.Column(0), d.Column(1)));
    }

    private static string Tuple(Shape3 s) => $"({s.X}, {s.Y}, {s.Z})";

    private static string Geometry(VolumeGeometry g)
    {
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var d = g.Direction;
        return $"[{F(g.Spacing.X)}, {F(g.Spacing.Y)}, {F(g.Spacing.Z)}], [{F(g.Origin.X)}, {F(g.Origin.Y)}, {F(g.Origin.Z)}], "
            + $"[{F(d.M00)}, {F(d.M01)}, {F(d.M02)}, {F(d.M10)}, {F(d.M11)}, {F(d.M12)}, {F(d.M20)}, {F(d.M21)}, {F(d.M22)}]";
    }
}
