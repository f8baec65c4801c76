using Platform.Imaging.Resampling;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Tests.Cases;

/// <summary>The plane-by-plane resampler the pipeline uses must give the whole-volume resampler's result.</summary>
public sealed class SlabResamplerTests
{
    [Theory]
    [InlineData(1.0, 1.0, 1.0, 1.3, 0.7, 1.6, Interpolation.Linear)]  // shrink and grow
    [InlineData(0.8, 0.8, 4.0, 1.0, 1.0, 2.5, Interpolation.Linear)]  // anisotropic: z nearest
    [InlineData(1.0, 1.0, 1.0, 1.5, 1.5, 1.0, Interpolation.Cubic)]   // cubic in-plane, z unchanged
    [InlineData(1.0, 1.0, 1.0, 1.0, 1.0, 0.6, Interpolation.Cubic)]   // cubic along z: falls back
    [InlineData(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, Interpolation.Linear)]  // nothing to do
    public void Matches_the_whole_volume_resampler(double sx, double sy, double sz, double tx, double ty, double tz, Interpolation kind)
    {
        var geometry = new VolumeGeometry(new Shape3(17, 13, 11), new Vector3D(sx, sy, sz), new Vector3D(3, -2, 1), Matrix3.Identity);
        var image = new Volume<short>(geometry);
        var random = new Random(7);
        for (var i = 0; i < image.Data.Length; i++)
            image.Data[i] = (short)random.Next(-1000, 1000);
        var options = ResampleOptions.Default with { InPlane = kind };

        var expected = Resampler.Resample(image, new Vector3D(tx, ty, tz), options);
        var actual = SlabResampler.Resample(image, new Vector3D(tx, ty, tz), options);

        Assert.Equal(expected.Geometry, actual.Geometry);
        for (var i = 0; i < expected.Data.Length; i++)
            Assert.True(Math.Abs(expected.Data[i] - actual.Data[i]) <= 1e-3, $"voxel {i}: {expected.Data[i]} vs {actual.Data[i]}");
    }
}
