namespace Platform.Preprocessing.Datasets;

/// <summary>
/// The dataset after preprocessing, built from the stored case records (so resumed runs summarise all cases).
/// Shapes are of the stored grids; spacings are the original ones in the target orientation's axis order.
/// Channel statistics are over all stored voxels after normalisation, pooled exactly across cases.
/// </summary>
public sealed record PreprocessedDatasetSummary(
    int CaseCount,
    AxisSummary Shape,
    AxisSummary OriginalSpacing,
    IReadOnlyList<ChannelSummary> Channels,
    IReadOnlyList<LabelSummary> Labels,
    IReadOnlyList<CaseFailure> FailedCases)
{
    public const string FileName = "summary.json";
}

/// <summary>Minimum, median and maximum per axis (x, y, z); empty arrays when there are no cases.</summary>
public sealed record AxisSummary(double[] Min, double[] Median, double[] Max);

/// <summary>One channel's intensities after normalisation over all stored voxels of all cases.</summary>
public sealed record ChannelSummary(int Channel, long Voxels, double Mean, double StandardDeviation, double Min, double Max);

/// <summary>A label value in the stored (resampled) label maps: total voxels and the number of cases that contain it.</summary>
public sealed record LabelSummary(int Label, long Voxels, int Cases);
