using Platform.Imaging.Resampling;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Resampling;

/// <summary>
/// Reference-grid resampling on grids that coincide with the source's voxels: the expected voxels follow from
/// index arithmetic written out by hand, and must come out exactly (no interpolation error at all).
/// </summary>
public sealed class GridResamplerTests
{
    private static readonly VolumeGeometry Source = TestVolumes.Oblique(new Shape3(9, 7, 5));

    [Fact]
    public void Same_grid_reproduces_every_voxel_for_all_modes()
    {
        var image = TestVolumes.Random<short>(Source, 3, -1000, 1000);
        var labels = TestVolumes.Random<byte>(Source, 4, 0, 4);

        var expected = image.Data.Select(v => (float)v).ToArray();
        Assert.Equal(expected, GridResampler.Resample(image, Source, Interpolation.Nearest).Data);
        Assert.Equal(expected, GridResampler.Resample(image, Source, Interpolation.Linear).Data);
        Assert.Equal(labels.Data, GridResampler.ResampleLabels(labels, Source).Data);
        Assert.Equal(labels.Data, GridResampler.ResampleLabels(labels, Source, LabelInterpolation.OneHotLinear).Data);
    }

    [Fact]
    public void Flipped_and_permuted_grid_reads_the_permuted_voxels()
    {
        // Target axes: x runs backwards along source x, y along source z, z along source y.
        var s = Source.Shape;
        var d = Source.Direction;
        var target = new VolumeGeometry(
            new Shape3(s.X, s.Z, s.Y),
            new Vector3D(Source.Spacing.X, Source.Spacing.Z, Source.Spacing.Y),
            Source.IndexToWorld(s.X - 1, 0, 0),
            Matrix3.FromColumns(-d.Column(0), d.Column(2), d.Column(1)));
        var image = TestVolumes.Random<float>(Source, 5, -50, 50);
        var labels = TestVolumes.Random<int>(Source, 6, 0, 5);

        var linear = GridResampler.Resample(image, target, Interpolation.Linear);
        var nearest = GridResampler.ResampleLabels(labels, target);
        var oneHot = GridResampler.ResampleLabels(labels, target, LabelInterpolation.OneHotLinear);

        for (var z = 0; z < target.Shape.Z; z++)
            for (var y = 0; y < target.Shape.Y; y++)
                for (var x = 0; x < target.Shape.X; x++)
                {
                    Assert.Equal(image[s.X - 1 - x, z, y], linear[x, y, z]);
                    Assert.Equal(labels[s.X - 1 - x, z, y], nearest[x, y, z]);
                    Assert.Equal(labels[s.X - 1 - x, z, y], oneHot[x, y, z]);
                }
    }

    [Fact]
    public void Integer_offset_crop_and_pad_copies_voxels_and_fills_the_rest_with_the_outside_value()
    {
        // First target voxel sits on source voxel (-2, 3, 1): two columns of padding in x, a crop in y and z.
        var target = new VolumeGeometry(new Shape3(6, 5, 6), Source.Spacing, Source.IndexToWorld(-2, 3, 1), Source.Direction);
        var image = TestVolumes.Random<short>(Source, 7, -1000, 1000);
        var labels = TestVolumes.Random<byte>(Source, 8, 1, 4);

        var linear = GridResampler.Resample(image, target, Interpolation.Linear, outside: -1024);
        var nearest = GridResampler.Resample(image, target, Interpolation.Nearest, outside: -1024);
        var oneHot = GridResampler.ResampleLabels(labels, target, LabelInterpolation.OneHotLinear, outside: (byte)9);

        for (var z = 0; z < 6; z++)
            for (var y = 0; y < 5; y++)
                for (var x = 0; x < 6; x++)
                {
                    int sx = x - 2, sy = y + 3, sz = z + 1;
                    var inside = sx >= 0 && sx < Source.Shape.X && sy < Source.Shape.Y && sz < Source.Shape.Z;
                    Assert.Equal(inside ? image[sx, sy, sz] : -1024f, linear[x, y, z]);
                    Assert.Equal(inside ? image[sx, sy, sz] : -1024f, nearest[x, y, z]);
                    Assert.Equal(inside ? labels[sx, sy, sz] : (byte)9, oneHot[x, y, z]);
                }
    }

    [Fact]
    public void Field_of_view_ends_half_a_voxel_beyond_the_edge_voxel_centres()
    {
        // 1D along x: source voxels at x = 0..3 mm (spacing 1). Target samples every 0.25 mm from -1 to 4.
        var source = new VolumeGeometry(new Shape3(4, 1, 1), Vector3D.One, Vector3D.Zero, Matrix3.Identity);
        var image = new Volume<float>(source, [10, 20, 30, 40]);
        var target = new VolumeGeometry(new Shape3(21, 1, 1), new Vector3D(0.25, 1, 1), new Vector3D(-1, 0, 0), Matrix3.Identity);

        var linear = GridResampler.Resample(image, target, Interpolation.Linear, outside: -1);
        var nearest = GridResampler.Resample(image, target, Interpolation.Nearest, outside: -1);

        // x = -1, -0.75: outside; -0.5 .. 0: edge value; then linear ramps; 3 .. 3.5: edge; 3.75, 4: outside.
        float[] expectedLinear = [-1, -1, 10, 10, 10, 12.5f, 15, 17.5f, 20, 22.5f, 25, 27.5f, 30, 32.5f, 35, 37.5f, 40, 40, 40, -1, -1];
        float[] expectedNearest = [-1, -1, 10, 10, 10, 10, 20, 20, 20, 20, 30, 30, 30, 30, 40, 40, 40, 40, 40, -1, -1];
        Assert.Equal(expectedLinear, linear.Data);
        Assert.Equal(expectedNearest, nearest.Data);
    }

    [Fact]
    public void One_hot_linear_takes_the_label_with_the_largest_interpolated_indicator()
    {
        // Corners along x: labels 1, 2, 2 at x = 0, 1, 2. At x = 0.4 label 1 has weight 0.6; at 0.5 the tie goes to 1;
        // at 0.6 label 2 wins. Nearest would give 2 at 0.5 (halves round up).
        var source = new VolumeGeometry(new Shape3(3, 1, 1), Vector3D.One, Vector3D.Zero, Matrix3.Identity);
        var labels = new Volume<byte>(source, [1, 2, 2]);
        var target = new VolumeGeometry(new Shape3(3, 1, 1), new Vector3D(0.1, 1, 1), new Vector3D(0.4, 0, 0), Matrix3.Identity);

        Assert.Equal(new byte[] { 1, 1, 2 }, GridResampler.ResampleLabels(labels, target, LabelInterpolation.OneHotLinear).Data);
        Assert.Equal(new byte[] { 1, 2, 2 }, GridResampler.ResampleLabels(labels, target).Data);
    }
}
