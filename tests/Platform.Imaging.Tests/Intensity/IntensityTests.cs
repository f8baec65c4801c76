using Platform.Imaging.Intensity;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Intensity;

public sealed class IntensityTests
{
    [Fact]
    public void Percentiles_interpolate_linearly_like_numpy()
    {
        float[] values = [10, 1, 4, 7];

        // sorted 1 4 7 10; h = q/100·3: 25 → 0.75 → 1 + 0.75·3; 50 → 1.5 → 4 + 0.5·3; 100 → 10; 0 → 1 (numpy gives the same).
        Assert.Equal(new[] { 1, 3.25, 5.5, 10 }, Percentiles.Compute(values, 0, 25, 50, 100));
    }

    [Fact]
    public void Statistics_inside_a_mask_use_population_std()
    {
        var g = VolumeGeometry.Identity(new Shape3(4, 1, 1));
        var image = new Volume<short>(g, [2, 4, 100, 6]);
        var mask = new Volume<byte>(g, [1, 1, 0, 1]);

        var s = IntensityStatistics.Compute(image, mask);

        Assert.Equal(3, s.Count);
        Assert.Equal(4, s.Mean);
        Assert.Equal(Math.Sqrt(8.0 / 3), s.StandardDeviation, 12);
        Assert.Equal(2, s.Min);
        Assert.Equal(6, s.Max);
        Assert.Equal(4, s.Median);
    }

    [Fact]
    public void Ct_normalisation_clips_then_standardises()
    {
        var image = new Volume<short>(VolumeGeometry.Identity(new Shape3(3, 1, 1)), [-2000, 50, 3000]);

        var n = Normalization.Ct(image, new CtNormalizationParameters(-1000, 1000, 100, 50));

        Assert.Equal(new[] { -22f, -1f, 18f }, n.Data);
    }

    [Fact]
    public void ZScore_in_mask_sets_outside_to_zero()
    {
        var g = VolumeGeometry.Identity(new Shape3(4, 1, 1));
        var image = new Volume<float>(g, [1, 3, 100, 5]);
        var mask = new Volume<byte>(g, [1, 1, 0, 0]);

        var n = Normalization.ZScore(image, mask);

        Assert.Equal(new[] { -1f, 1f, 0f, 0f }, n.Data);
    }

    [Fact]
    public void MinMax_maps_to_unit_range()
    {
        var n = Normalization.MinMax(new Volume<int>(VolumeGeometry.Identity(new Shape3(3, 1, 1)), [10, 20, 30]));

        Assert.Equal(new[] { 0f, 0.5f, 1f }, n.Data);
    }
}
