using Platform.Imaging.Resampling;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Resampling;

public sealed class CubicResamplingTests
{
    private static readonly ResampleOptions Cubic = new() { InPlane = Interpolation.Cubic, SeparateOutOfPlane = false };

    [Fact]
    public void Cubic_spline_passes_through_the_input_voxels()
    {
        // Spacing 1 → 1/3 on an n-voxel axis gives 3n outputs at input positions (o − 1)/3 (centres aligned),
        // so outputs 1, 4, 7, … sit exactly on input voxels and must return them (the prefilter's purpose).
        var source = VolumeGeometry.Identity(new Shape3(7, 6, 5));
        var image = TestVolumes.Random<short>(source, 9, -500, 500);

        var result = Resampler.Resample(image, new Vector3D(1 / 3.0, 1 / 3.0, 1 / 3.0), Cubic);

        Assert.Equal(new Shape3(21, 18, 15), result.Shape);
        for (var z = 0; z < 5; z++)
            for (var y = 0; y < 6; y++)
                for (var x = 0; x < 7; x++)
                    Assert.True(Math.Abs(image[x, y, z] - result[1 + (3 * x), 1 + (3 * y), 1 + (3 * z)]) < 1e-2, $"voxel ({x},{y},{z})");
    }

    [Fact]
    public void Cubic_is_much_closer_than_linear_to_a_smooth_signal_between_samples()
    {
        // sin sampled every 1 mm with a 12 mm period, read back every 0.5 mm: linear's chord error is ~1e-2,
        // a cubic spline's ~1e-4 away from the edges.
        var source = VolumeGeometry.Identity(new Shape3(48, 1, 1));
        var image = new Volume<float>(source, Enumerable.Range(0, 48).Select(x => (float)Math.Sin(2 * Math.PI * x / 12)).ToArray());
        var target = new Vector3D(0.5, 1, 1);

        var cubic = Resampler.Resample(image, target, Cubic);
        var linear = Resampler.Resample(image, target, new ResampleOptions { SeparateOutOfPlane = false });

        double Error(Volume<float> v) => Enumerable.Range(16, 64).Max(o =>
            Math.Abs(v[o, 0, 0] - Math.Sin(2 * Math.PI * source.WorldToIndex(v.Geometry.IndexToWorld(o, 0, 0)).X / 12)));
        Assert.True(Error(linear) > 5e-3, $"linear error {Error(linear)}");
        Assert.True(Error(cubic) < 1e-3, $"cubic error {Error(cubic)}");
    }

    [Fact]
    public void Labels_asked_for_cubic_fall_back_to_one_hot_linear()
    {
        var g = VolumeGeometry.Identity(new Shape3(10, 10, 10));
        var labels = TestVolumes.Random<byte>(g, 3, 0, 3);

        var cubic = Resampler.ResampleLabels(labels, new Vector3D(0.7, 0.7, 0.7), LabelInterpolation.OneHotLinear, Cubic);
        var linear = Resampler.ResampleLabels(labels, new Vector3D(0.7, 0.7, 0.7), LabelInterpolation.OneHotLinear, Cubic with { InPlane = Interpolation.Linear });

        Assert.Equal(linear.Data, cubic.Data);
    }
}
