using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Datasources;
using Platform.Grains.Fingerprints;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Fingerprint;

namespace Platform.Grains.Projects;

/// <summary>Between catalog rows, the fingerprint library's records, and the wire summary.</summary>
public static class FingerprintMapping
{
    /// <summary>
    /// Invalid cases are excluded with their first problem; flagged ones (empty label map) too, since they have no
    /// foreground to take intensities from (nnU-Net would still count their spacing; FRAN's nnz flag leaves them out).
    /// </summary>
    public static CaseStatistics ToCaseStatistics(CaseCatalogStore.FingerprintRow row)
    {
        var exclusion = row.Status switch
        {
            CaseStatus.Invalid => row.Problems.FirstOrDefault()?.Reason ?? "the case did not pass validation",
            CaseStatus.Flagged => "empty label map (nnz): no foreground to take intensities from",
            _ => null,
        };
        var shape = row.Shape is { Length: 3 } s ? new GridSize(s[0], s[1], s[2]) : new GridSize(1, 1, 1);
        var spacing = row.Spacing is { Length: 3 } p ? new Vector3D(p[0], p[1], p[2]) : new Vector3D(1, 1, 1);
        var channels = exclusion is null
            ? StoredChannels.Deserialize(row.ChannelsJson)
                .Select(c => new ChannelIntensityStats(c.Count, c.Mean, c.StandardDeviation, c.Min, c.Max, c.Percentile00_5, c.Percentile99_5, c.Sample.Select(v => (double)v).ToList()))
                .ToList()
            : [];
        return new CaseStatistics(row.CaseId, row.Datasource, shape, spacing,
            row.Labels.Select(l => new LabelVoxels(l.Key, l.Value)).ToList(), channels, exclusion);
    }

    /// <summary>A stored fingerprint with its id, hash and time, so readers can tell which one they see.</summary>
    public static FingerprintSummary ToSummary(StoredFingerprint stored) =>
        ToSummary(stored.Fingerprint) with { Id = stored.Id, Hash = stored.Hash, CreatedAt = stored.CreatedAt };

    public static FingerprintSummary ToSummary(ProjectFingerprint fingerprint) => new(
        fingerprint.CaseCount,
        fingerprint.TotalVoxels,
        fingerprint.Datasources,
        Axes(fingerprint.Spacing),
        Axes(fingerprint.Shape),
        fingerprint.Channels.Select(c => new ChannelSummary(c.Channel, c.Count, c.Mean, c.Std, c.Min, c.Max, c.Percentile00_5, c.Percentile99_5, c.SampleCount)).ToList(),
        fingerprint.Labels.Select(l => new LabelSummary(l.Label, l.Cases, l.Voxels)).ToList(),
        fingerprint.Excluded.Select(e => new ExcludedCaseSummary(e.Datasource, e.CaseId, e.Reason)).ToList());

    private static IReadOnlyList<AxisSummary> Axes(AxisSet axes) =>
        [Axis(axes.X), Axis(axes.Y), Axis(axes.Z)];

    private static AxisSummary Axis(AxisStatistics a) => new(a.Median, a.Min, a.Max, a.Percentile10, a.Percentile90);
}
