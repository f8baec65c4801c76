using Platform.Imaging.Volumes;
using Platform.Preprocessing.Fingerprint;

namespace Platform.Preprocessing.Tests.Fingerprint;

public sealed class FingerprintBuilderTests
{
    /// <summary>Per-case statistics computed directly from raw values (reference, population std).</summary>
    private static ChannelIntensityStats StatsOf(double[] values, bool withSamples = true)
    {
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        return new ChannelIntensityStats(values.Length, mean, std, values.Min(), values.Max(), 0, 0, withSamples ? values : null);
    }

    private static CaseStatistics Case(string id, double[] values, double zSpacing = 1, string ds = "ds", string? excluded = null, params LabelVoxels[] labels) =>
        new(id, ds, new GridSize(10, 10, 5), new Vector3D(1, 1, zSpacing), labels, [StatsOf(values)], excluded);

    [Fact]
    public void Build_pools_mean_and_std_exactly_like_all_voxels_together()
    {
        var random = new Random(3);   // test data only; the code under test uses no randomness
        var perCase = Enumerable.Range(0, 6)
            .Select(i => Enumerable.Range(0, 50 + (i * 37)).Select(_ => (random.NextDouble() * 400) - 100 + (i * 30)).ToArray())
            .ToList();
        var all = perCase.SelectMany(v => v).ToArray();
        var directMean = all.Average();
        var directStd = Math.Sqrt(all.Sum(v => (v - directMean) * (v - directMean)) / all.Length);

        var fingerprint = FingerprintBuilder.Build(perCase.Select((v, i) => Case($"c{i}", v)));

        var channel = Assert.Single(fingerprint.Channels);
        Assert.Equal(all.Length, channel.Count);
        Assert.Equal(directMean, channel.Mean, 9);
        Assert.Equal(directStd, channel.Std, 9);
        Assert.Equal(all.Min(), channel.Min);
        Assert.Equal(all.Max(), channel.Max);
    }

    [Fact]
    public void Build_percentiles_come_from_pooled_samples_by_linear_interpolation()
    {
        // Samples 1…100 and 101…200 pooled: 200 sorted values v[i] = i + 1.
        // p0.5: h = 199 × 0.005 = 0.995 → 1 + 0.995 = 1.995; p99.5: h = 198.005 → 199.005; median h = 99.5 → 100.5.
        var a = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        var b = Enumerable.Range(101, 100).Select(i => (double)i).ToArray();

        var channel = FingerprintBuilder.Build([Case("b", b), Case("a", a)]).Channels[0];

        Assert.Equal(PercentileSource.PooledSamples, channel.PercentileSource);
        Assert.Equal(200, channel.SampleCount);
        Assert.Equal(1.995, channel.Percentile00_5, 9);
        Assert.Equal(199.005, channel.Percentile99_5, 9);
        Assert.Equal(100.5, channel.Median!.Value, 9);
    }

    [Fact]
    public void Build_without_samples_uses_the_median_of_case_percentiles_and_says_so()
    {
        CaseStatistics C(string id, double p005, double p995) =>
            new(id, "ds", new GridSize(4, 4, 4), new Vector3D(1, 1, 1), [], [new ChannelIntensityStats(10, 0, 1, -5, 5, p005, p995)]);

        var channel = FingerprintBuilder.Build([C("a", -3, 3), C("b", -1, 9), C("c", -2, 4)]).Channels[0];

        Assert.Equal(PercentileSource.MedianOfCasePercentiles, channel.PercentileSource);
        Assert.Equal(-2, channel.Percentile00_5);
        Assert.Equal(4, channel.Percentile99_5);
        Assert.Null(channel.Median);
    }

    [Fact]
    public void Build_spacing_and_shape_statistics_per_axis()
    {
        // z spacings 1…5: median 3; p10 h = 0.4 → 1.4; p90 h = 3.6 → 4.6. Extent z = 5 voxels × spacing.
        var cases = Enumerable.Range(1, 5).Select(z => Case($"c{z}", [1.0, 2.0], zSpacing: z));

        var fingerprint = FingerprintBuilder.Build(cases);

        Assert.Equal(new AxisStatistics(3, 1, 5, 1.4, 4.6), fingerprint.Spacing.Z);
        Assert.Equal(new AxisStatistics(1, 1, 1, 1, 1), fingerprint.Spacing.X);
        Assert.Equal(10, fingerprint.Shape.X.Median);
        Assert.Equal(15, fingerprint.Extent.Z.Median, 9);
        Assert.Equal(5, fingerprint.CaseCount);
        Assert.Equal(5 * 500, fingerprint.TotalVoxels);
    }

    [Fact]
    public void Build_labels_are_a_union_with_case_counts_and_voxel_totals()
    {
        var fingerprint = FingerprintBuilder.Build([
            Case("a", [1.0], labels: [new(1, 100), new(2, 5)]),
            Case("b", [1.0], ds: "other", labels: [new(1, 50)]),
            Case("c", [1.0], labels: [new(3, 7), new(2, 0)]),
        ]);

        Assert.Equal([new LabelFrequency(1, 2, 150), new LabelFrequency(2, 1, 5), new LabelFrequency(3, 1, 7)], fingerprint.Labels);
        Assert.Equal(["ds", "other"], fingerprint.Datasources);
    }

    [Fact]
    public void Build_excluded_cases_are_listed_and_left_out_of_every_statistic()
    {
        var fingerprint = FingerprintBuilder.Build([
            Case("a", [1.0, 3.0], labels: [new(1, 10)]),
            Case("bad", [1000.0], zSpacing: 9, excluded: "image/label geometry mismatch", labels: [new(4, 10)]),
        ]);

        Assert.Equal(1, fingerprint.CaseCount);
        Assert.Equal([new ExcludedCase("ds", "bad", "image/label geometry mismatch")], fingerprint.Excluded);
        Assert.Equal(2.0, fingerprint.Channels[0].Mean);
        Assert.Equal(1, fingerprint.Spacing.Z.Max);
        Assert.DoesNotContain(fingerprint.Labels, l => l.Label == 4);
    }

    [Fact]
    public void Build_is_independent_of_input_order()
    {
        var random = new Random(5);
        var cases = Enumerable.Range(0, 20)
            .Select(i => Case($"c{i:D2}", Enumerable.Range(0, 30).Select(_ => random.NextDouble() * 1e4).ToArray(), zSpacing: 1 + (i % 4)))
            .ToList();

        var a = FingerprintBuilder.Build(cases);
        var b = FingerprintBuilder.Build(Enumerable.Reverse(cases));

        Assert.Equal(a.Channels, b.Channels);   // bit-identical doubles
        Assert.Equal(a.Spacing, b.Spacing);
    }

    [Fact]
    public void Build_invalid_input_names_the_cases()
    {
        var mismatch = new CaseStatistics("two", "ds", new GridSize(1, 1, 1), new Vector3D(1, 1, 1), [], [StatsOf([1.0]), StatsOf([2.0])]);
        var flat = new CaseStatistics("flat", "ds", new GridSize(1, 1, 1), new Vector3D(1, 0, 1), [], [StatsOf([1.0])]);

        var error = Assert.Throws<FingerprintException>(() => FingerprintBuilder.Build([Case("a", [1.0]), Case("a", [2.0]), mismatch, flat]));

        Assert.Contains(error.Problems, p => p.Contains("case 'a' of 'ds': listed 2 times", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("case 'two'", StringComparison.Ordinal) && p.Contains("2 channels", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("case 'flat'", StringComparison.Ordinal) && p.Contains("spacing", StringComparison.Ordinal));
        Assert.Throws<FingerprintException>(() => FingerprintBuilder.Build([Case("x", [1.0], excluded: "empty")]));
    }
}
