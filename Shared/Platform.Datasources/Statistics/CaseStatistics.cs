namespace Platform.Datasources.Statistics;

/// <summary>Voxels carrying one label value (0 is background).</summary>
public sealed record LabelVoxels(int Label, long Voxels);

/// <summary>
/// Foreground (label &gt; 0) intensity statistics of one channel: population standard deviation (numpy's
/// ddof = 0) and exact 0.5/99.5 percentiles (numpy's linear method), plus a seeded uniform sample of at
/// most the configured cap of foreground values for dataset-level percentiles.
/// </summary>
public sealed record ChannelIntensity(
    int Channel,
    long Count,
    double Mean,
    double StandardDeviation,
    double Min,
    double Max,
    double Percentile00_5,
    double Percentile99_5,
    IReadOnlyList<float> Sample);

/// <summary>
/// Per-case statistics. An empty label map is a flag, not an error (FRAN's <c>nnz</c>; a plan decides
/// whether such cases are used); it then has no foreground and <see cref="Channels"/> is empty, so no
/// NaN ever reaches storage (System.Text.Json refuses NaN by default).
/// </summary>
/// <param name="Labels">Every label value present, ascending, background included, with voxel counts.</param>
/// <param name="ForegroundVoxels">Voxels with label &gt; 0.</param>
/// <param name="EmptyLabel">True when the label map has no foreground.</param>
/// <param name="Channels">Foreground intensities per channel; empty when <paramref name="EmptyLabel"/>.</param>
public sealed record CaseStatistics(
    IReadOnlyList<LabelVoxels> Labels,
    long ForegroundVoxels,
    bool EmptyLabel,
    IReadOnlyList<ChannelIntensity> Channels);
