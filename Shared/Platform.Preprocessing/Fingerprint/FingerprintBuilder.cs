using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Fingerprint;

/// <summary>
/// Builds the project fingerprint from per-case statistics. Deterministic: cases are processed in
/// (datasource, case id) ordinal order whatever the input order, so floating-point sums and the
/// concatenated intensity samples come out bit-identical.
/// </summary>
/// <remarks>
/// Intensity pooling: mean and std are combined exactly from per-case count/mean/std
/// (<see cref="PooledMoments"/>), so every foreground voxel weighs the same. Min/max are the extremes
/// of the per-case extremes. The 0.5/50/99.5 percentiles are taken (linear interpolation) from the
/// concatenation of the per-case samples; like nnU-Net, which draws the same number of foreground
/// voxels from each case, the samples are not re-weighted by case size. When no case carries
/// samples, the percentiles are the median of the per-case percentiles and the channel says so.
/// </remarks>
public static class FingerprintBuilder
{
    public static ProjectFingerprint Build(IEnumerable<CaseStatistics> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var sorted = cases
            .OrderBy(c => c.Datasource, StringComparer.Ordinal)
            .ThenBy(c => c.CaseId, StringComparer.Ordinal)
            .ToList();
        var included = sorted.Where(c => !c.Excluded).ToList();
        FingerprintChecks.ThrowIfInvalid(sorted, included);

        return new ProjectFingerprint(
            CaseCount: included.Count,
            TotalVoxels: included.Sum(c => c.Shape.VoxelCount),
            Datasources: included.Select(c => c.Datasource).Distinct(StringComparer.Ordinal).ToList(),
            Spacing: DescribeAxes(included, c => c.Spacing),
            Shape: DescribeAxes(included, c => new Vector3D(c.Shape.X, c.Shape.Y, c.Shape.Z)),
            Extent: DescribeAxes(included, c => new Vector3D(c.Shape.X * c.Spacing.X, c.Shape.Y * c.Spacing.Y, c.Shape.Z * c.Spacing.Z)),
            Channels: Enumerable.Range(0, included[0].Channels.Count).Select(ch => PoolChannel(included, ch)).ToList(),
            Labels: LabelFrequencies(included),
            Excluded: sorted.Where(c => c.Excluded)
                .Select(c => new ExcludedCase(c.Datasource, c.CaseId, c.ExclusionReason!)).ToList());
    }

    private static AxisSet DescribeAxes(List<CaseStatistics> cases, Func<CaseStatistics, Vector3D> value)
    {
        var values = cases.Select(value).ToList();
        return new AxisSet(
            Percentiles.Describe(values.Select(v => v.X)),
            Percentiles.Describe(values.Select(v => v.Y)),
            Percentiles.Describe(values.Select(v => v.Z)));
    }

    private static ChannelFingerprint PoolChannel(List<CaseStatistics> cases, int channel)
    {
        var stats = cases.Select(c => c.Channels[channel]).Where(s => s.Count > 0).ToList();
        if (stats.Count == 0)
            return new ChannelFingerprint(channel, 0, 0, 0, 0, 0, 0, null, 0, PercentileSource.MedianOfCasePercentiles, 0);

        var moments = stats.Aggregate(default(PooledMoments), (acc, s) => acc.Add(PooledMoments.OfCase(s.Count, s.Mean, s.Std)));
        var samples = stats.SelectMany(s => s.Samples ?? []).Order().ToArray();
        var fromSamples = samples.Length > 0;

        return new ChannelFingerprint(
            channel,
            moments.Count,
            moments.Mean,
            moments.PopulationStd,
            stats.Min(s => s.Min),
            stats.Max(s => s.Max),
            fromSamples ? Percentiles.OfSorted(samples, 0.5) : Percentiles.Of(stats.Select(s => s.Percentile00_5), 50),
            fromSamples ? Percentiles.OfSorted(samples, 50) : null,
            fromSamples ? Percentiles.OfSorted(samples, 99.5) : Percentiles.Of(stats.Select(s => s.Percentile99_5), 50),
            fromSamples ? PercentileSource.PooledSamples : PercentileSource.MedianOfCasePercentiles,
            samples.Length);
    }

    private static List<LabelFrequency> LabelFrequencies(List<CaseStatistics> cases) =>
        cases.SelectMany(c => c.Labels.Where(l => l.Voxels > 0))
            .GroupBy(l => l.Label)
            .OrderBy(g => g.Key)
            .Select(g => new LabelFrequency(g.Key, g.Count(), g.Sum(l => l.Voxels)))
            .ToList();
}
