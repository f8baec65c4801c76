using Platform.Grains.Abstractions.Preprocessing;
using Platform.Preprocessing.Datasets;

namespace Platform.Grains.Preprocessing;

/// <summary>The library's dataset summary as the grain API's record.</summary>
public static class PreprocessedOverviewMapping
{
    public static PreprocessedDatasetOverview From(PreprocessedDatasetSummary summary) => new(
        summary.CaseCount,
        summary.Shape.Min,
        summary.Shape.Median,
        summary.Shape.Max,
        summary.OriginalSpacing.Median,
        summary.Channels.Select(c => new PreprocessedChannelOverview(c.Channel, c.Mean, c.StandardDeviation, c.Min, c.Max)).ToList(),
        summary.Labels.Select(l => new PreprocessedLabelOverview(l.Label, l.Voxels, l.Cases)).ToList());
}
