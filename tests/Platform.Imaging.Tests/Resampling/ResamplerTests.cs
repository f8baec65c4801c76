using Platform.Imaging.Resampling;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Resampling;

public sealed class ResamplerTests
{
    private static Volume<float> Plane(VolumeGeometry g)
    {
        // A linear function of the index: linear interpolation must reproduce it exactly inside the grid.
        var v = new Volume<float>(g);
        for (var z = 0; z < g.Shape.Z; z++)
            for (var y = 0; y < g.Shape.Y; y++)
                for (var x = 0; x < g.Shape.X; x++)
                    v[x, y, z] = (2 * x) + (3 * y) + (5 * z);
        return v;
    }

    private static double PlaneAt(Vector3D index, Shape3 shape) =>
        (2 * Math.Clamp(index.X, 0, shape.X - 1)) + (3 * Math.Clamp(index.Y, 0, shape.Y - 1)) + (5 * Math.Clamp(index.Z, 0, shape.Z - 1));

    [Theory]
    [InlineData(1.0, 1.0, 1.0)]
    [InlineData(0.5, 1.7, 0.8)]
    [InlineData(1.3, 0.6, 2.1)]
    public void Linear_resampling_reproduces_a_linear_function_at_each_output_world_position(double sx, double sy, double sz)
    {
        var source = new VolumeGeometry(new Shape3(13, 11, 9), new Vector3D(0.9, 1.1, 1.4), new Vector3D(5, -3, 2), TestVolumes.Oblique(new Shape3(1, 1, 1)).Direction);
        var image = Plane(source);

        var result = Resampler.Resample(image, new Vector3D(sx, sy, sz), new ResampleOptions { SeparateOutOfPlane = false });

        var s = result.Shape;
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
                for (var x = 0; x < s.X; x++)
                {
                    var at = source.WorldToIndex(result.Geometry.IndexToWorld(x, y, z));
                    var expected = PlaneAt(at, source.Shape);
                    Assert.True(Math.Abs(expected - result[x, y, z]) < 1e-3, $"({x},{y},{z}): {result[x, y, z]} instead of {expected}");
                }
    }

    [Fact]
    public void Output_grid_has_the_target_spacing_rounded_shape_and_the_same_centre()
    {
        var source = TestVolumes.Oblique(new Shape3(100, 80, 30));

        var g = ResampleGrid.ForSpacing(source, new Vector3D(1, 1, 1));

        Assert.Equal(new Shape3(70, 72, 75), g.Shape);
        Assert.Equal(new Vector3D(1, 1, 1), g.Spacing);
        var centreIn = source.IndexToWorld(49.5, 39.5, 14.5);
        var centreOut = g.IndexToWorld(34.5, 35.5, 37);
        Assert.True(centreIn.MaxAbsDifference(centreOut) < 1e-9);
    }

    [Fact]
    public void Anisotropic_image_uses_nearest_along_the_thick_axis()
    {
        var source = new VolumeGeometry(new Shape3(8, 8, 6), new Vector3D(0.8, 0.8, 5), Vector3D.Zero, Matrix3.Identity);
        var image = Plane(source);

        var result = Resampler.Resample(image, new Vector3D(0.8, 0.8, 2));

        // In-plane unchanged, so every value is 2x + 3y + 5k for an input slice k: a multiple-of-5 offset.
        for (var z = 0; z < result.Shape.Z; z++)
        {
            var slice = result[0, 0, z];
            Assert.Equal(0, slice % 5);
        }

        var blurred = Resampler.Resample(image, new Vector3D(0.8, 0.8, 2), new ResampleOptions { SeparateOutOfPlane = false });
        Assert.Contains(Enumerable.Range(0, blurred.Shape.Z), z => blurred[0, 0, z] % 5 != 0);
    }

    [Fact]
    public void Nearest_label_resampling_only_produces_input_labels_and_keeps_a_block()
    {
        var g = new VolumeGeometry(new Shape3(20, 20, 20), new Vector3D(1, 1, 1), Vector3D.Zero, Matrix3.Identity);
        var labels = new Volume<byte>(g);
        for (var z = 5; z < 15; z++)
            for (var y = 5; y < 15; y++)
                for (var x = 5; x < 15; x++)
                    labels[x, y, z] = (byte)(x < 10 ? 1 : 2);

        var nearest = Resampler.ResampleLabels(labels, new Vector3D(0.5, 0.5, 0.5));
        var oneHot = Resampler.ResampleLabels(labels, new Vector3D(0.5, 0.5, 0.5), LabelInterpolation.OneHotLinear);

        Assert.Equal(new Shape3(40, 40, 40), nearest.Shape);
        Assert.Equal(new byte[] { 0, 1, 2 }, nearest.Data.Distinct().Order());
        Assert.Equal(new byte[] { 0, 1, 2 }, oneHot.Data.Distinct().Order());
        // Upsampling by 2 makes each voxel 8 voxels; the block keeps its volume up to the boundary layer.
        Assert.InRange(nearest.Data.Count(v => v == 1), 4000 - 800, 4000 + 800);
        Assert.InRange(oneHot.Data.Count(v => v == 2), 4000 - 800, 4000 + 800);
        Assert.Equal(1, nearest[15, 20, 20]);
        Assert.Equal(2, oneHot[25, 20, 20]);
    }

    [Fact]
    public void Linear_upsampling_returns_input_voxels_bit_exactly_where_grids_coincide_including_the_last()
    {
        // Spacing 1 → 1/3 puts outputs 1, 4, …, 3n − 2 on input voxels 0 … n − 1 (centres aligned). At the last
        // one a lower/upper pair (n − 2, n − 1) with weight 1 gives a + (b − a)·1, which can miss b by an ulp.
        var g = VolumeGeometry.Identity(new Shape3(6, 1, 1));
        float[] values = [0.1f, 7.3f, -3.9f, 1e-3f, 12345.679f, 0.7f];
        var image = new Volume<float>(g, values);

        var result = Resampler.Resample(image, new Vector3D(1 / 3.0, 1, 1), new ResampleOptions { SeparateOutOfPlane = false });

        Assert.Equal(values, Enumerable.Range(0, 6).Select(x => result[1 + (3 * x), 0, 0]));
    }
}
