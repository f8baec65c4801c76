using Platform.Datasources.Layouts;
using Platform.Datasources.Paths;
using Platform.Datasources.Statistics;
using Platform.Testing.Datasets;
using Platform.Datasources.Validation;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;

namespace Platform.Datasources.Tests.Statistics;

public sealed class CaseStatisticsTests : IDisposable
{
    private readonly TempDataRoot _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Validate_constructed_case_statistics_match_values_computed_here()
    {
        // Image value = 3·index − 500 (distinct, known); labels 1 on every 3rd voxel, 4 on every 7th (when not 1).
        var geometry = new VolumeGeometry(new Shape3(10, 8, 6), new Vector3D(0.8, 0.8, 1.5), new Vector3D(5, -3, 2), Matrix3.Identity);
        var n = (int)geometry.Shape.VoxelCount;
        var image = new Volume<short>(geometry, Enumerable.Range(0, n).Select(i => (short)((3 * i) - 500)).ToArray());
        var labelData = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? (byte)1 : i % 7 == 0 ? (byte)4 : (byte)0).ToArray();
        var labels = new Volume<byte>(geometry, labelData);
        Directory.CreateDirectory(_data.PathOf("ds/images"));
        Directory.CreateDirectory(_data.PathOf("ds/lms"));
        ImageFile.Write(_data.PathOf("ds/images/t_1.nrrd"), image);
        ImageFile.Write(_data.PathOf("ds/lms/t_1.nrrd"), labels);
        var location = DatasourceLocation.Resolve(_data.Root, "ds");
        var files = DatasourceLayouts.Enumerate(location).Cases.Single();

        var report = CaseValidator.Validate(files, location.ToFullPath, CaseValidationOptions.Default with { SampleCap = 50 });

        Assert.True(report.IsValid, string.Join("; ", report.Problems));
        var foreground = Enumerable.Range(0, n).Where(i => labelData[i] != 0).Select(i => (3.0 * i) - 500).ToArray();
        var mean = foreground.Sum() / foreground.Length;
        var std = Math.Sqrt(foreground.Sum(v => (v - mean) * (v - mean)) / foreground.Length);
        var stats = report.Statistics!;
        Assert.Equal([new LabelVoxels(0, labelData.Count(l => l == 0)), new LabelVoxels(1, labelData.Count(l => l == 1)), new LabelVoxels(4, labelData.Count(l => l == 4))], stats.Labels);
        Assert.Equal(foreground.Length, stats.ForegroundVoxels);
        Assert.False(stats.EmptyLabel);
        var channel = Assert.Single(stats.Channels);
        Assert.Equal(foreground.Length, channel.Count);
        Assert.Equal(mean, channel.Mean, 6);
        Assert.Equal(std, channel.StandardDeviation, 6);
        Assert.Equal(foreground.Min(), channel.Min);
        Assert.Equal(foreground.Max(), channel.Max);
        Assert.Equal(LinearPercentile(foreground, 0.5), channel.Percentile00_5, 6);
        Assert.Equal(LinearPercentile(foreground, 99.5), channel.Percentile99_5, 6);
        Assert.Equal(50, channel.Sample.Count);
        Assert.Equal(50, channel.Sample.Distinct().Count());
        Assert.All(channel.Sample, v => Assert.Contains((double)v, foreground));
        Assert.Equal(new Shape3(10, 8, 6), report.Geometry!.Shape);
        Assert.Equal(new Vector3D(0.8, 0.8, 1.5), report.Geometry.Spacing);
        Assert.Equal(VoxelType.Int16, report.Geometry.ImageType);
        Assert.Equal(VoxelType.UInt8, report.Geometry.LabelType);
    }

    [Fact]
    public void Compute_two_channels_gives_each_channel_its_own_foreground_statistics()
    {
        var geometry = VolumeGeometry.Identity(new Shape3(4, 4, 2));
        var labels = new Volume<byte>(geometry, Enumerable.Range(0, 32).Select(i => (byte)(i < 8 ? 2 : 0)).ToArray());
        var first = new Volume<float>(geometry, Enumerable.Range(0, 32).Select(i => (float)i).ToArray());
        var second = new Volume<float>(geometry, Enumerable.Range(0, 32).Select(i => 10f * i).ToArray());

        var stats = CaseStatisticsCalculator.Compute([first, second], LabelCensus.Of(labels), sampleCap: 100, sampleSeed: 1);

        Assert.Equal(8, stats.ForegroundVoxels);
        Assert.Equal(3.5, stats.Channels[0].Mean, 9);
        Assert.Equal(35, stats.Channels[1].Mean, 9);
        Assert.Equal(Math.Sqrt(5.25), stats.Channels[0].StandardDeviation, 9); // population variance of 0..7
        Assert.Equal(70, stats.Channels[1].Max);
        Assert.Equal(8, stats.Channels[1].Sample.Count); // fewer values than the cap: all of them
    }

    [Fact]
    public void Compute_empty_label_is_flagged_without_intensity_statistics()
    {
        var geometry = VolumeGeometry.Identity(new Shape3(3, 3, 3));
        var stats = CaseStatisticsCalculator.Compute([new Volume<short>(geometry)], LabelCensus.Of(new Volume<byte>(geometry)), 10, 1);

        Assert.True(stats.EmptyLabel);
        Assert.Equal(0, stats.ForegroundVoxels);
        Assert.Empty(stats.Channels);
        Assert.Equal([new LabelVoxels(0, 27)], stats.Labels);
    }

    [Fact]
    public void Census_of_fractional_float_label_is_invalid()
    {
        var geometry = VolumeGeometry.Identity(new Shape3(2, 2, 2));
        var census = LabelCensus.Of((IVolume)new Volume<float>(geometry, [0, 1, 2, 0.5f, 0, 0, 0, 0]));

        Assert.NotNull(census.InvalidReason);
        Assert.Contains("voxel 3", census.InvalidReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Census_of_whole_float_label_counts_values()
    {
        var geometry = VolumeGeometry.Identity(new Shape3(2, 2, 2));
        var census = LabelCensus.Of((IVolume)new Volume<float>(geometry, [0, 1, 2, 2, 0, 0, 0, 3]));

        Assert.Null(census.InvalidReason);
        Assert.Equal([new LabelVoxels(0, 4), new LabelVoxels(1, 1), new LabelVoxels(2, 2), new LabelVoxels(3, 1)], census.Labels);
        Assert.Equal([false, true, true, true, false, false, false, true], census.Foreground);
    }

    [Fact]
    public void Sample_is_reproducible_for_a_seed_and_a_subset_of_the_values()
    {
        var values = Enumerable.Range(0, 100_000).Select(i => (float)i).ToArray();

        var a = IntensitySample.Draw(values, 1000, seed: 7);
        var b = IntensitySample.Draw(values, 1000, seed: 7);
        var c = IntensitySample.Draw(values, 1000, seed: 8);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(1000, a.Distinct().Count());
        Assert.True(a.Zip(a.Skip(1)).All(p => p.First < p.Second), "the sample keeps the values' order");
        Assert.InRange(a.Average(), 45_000, 55_000); // uniform over 0..99,999: mean ≈ 50,000 (σ of the mean ≈ 900)
    }

    [Fact]
    public void SeedFor_depends_only_on_case_id_and_seed()
    {
        Assert.Equal(IntensitySample.SeedFor("00001", 3), IntensitySample.SeedFor("00001", 3));
        Assert.NotEqual(IntensitySample.SeedFor("00001", 3), IntensitySample.SeedFor("00002", 3));
    }

    /// <summary>numpy's default percentile, written out again here so the test does not reuse the library's.</summary>
    private static double LinearPercentile(double[] values, double percent)
    {
        var sorted = values.Order().ToArray();
        var rank = percent / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }
}
