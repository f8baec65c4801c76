using Platform.Grains.Abstractions.Projects;
using Platform.WebUI.Components.Charts;

namespace Platform.WebUI.Components.Projects;

/// <summary>A fingerprint as the figures of <see cref="FingerprintCharts"/>: spacing and shape per axis, intensities per channel.</summary>
public sealed record FingerprintFigures(IReadOnlyList<string> Axes, ChartFigure Spacing, ChartFigure Shape, ChartFigure Intensity)
{
    public static FingerprintFigures Of(FingerprintSummary fingerprint)
    {
        // Fingerprint spacing and shape are stored x, y, z (the platform's x-fastest convention).
        var axes = Enumerable.Range(0, Math.Max(fingerprint.Spacing.Count, fingerprint.Shape.Count))
            .Select(i => i < 3 ? "xyz"[i].ToString() : $"axis {i}").ToList();
        var channels = fingerprint.Channels.Select(c => $"channel {c.Channel}").ToList();
        return new FingerprintFigures(
            axes,
            ChartTraces.Bars(axes[..fingerprint.Spacing.Count], Spread(fingerprint.Spacing), new ChartAxis("mm")),
            ChartTraces.Bars(axes[..fingerprint.Shape.Count], Spread(fingerprint.Shape), new ChartAxis("voxels")),
            ChartTraces.Bars(channels,
            [
                new("min", 0, [.. fingerprint.Channels.Select(c => c.Min)]),
                new("p0.5", 1, [.. fingerprint.Channels.Select(c => c.Percentile00_5)]),
                new("mean", 2, [.. fingerprint.Channels.Select(c => c.Mean)]),
                new("p99.5", 3, [.. fingerprint.Channels.Select(c => c.Percentile99_5)]),
                new("max", 4, [.. fingerprint.Channels.Select(c => c.Max)]),
            ], new ChartAxis("intensity")));
    }

    // Three bars per axis keep their value labels readable; the 10th and 90th percentiles are in the table.
    private static IReadOnlyList<BarSeries> Spread(IReadOnlyList<AxisSummary> axes) =>
    [
        new("min", 0, [.. axes.Select(a => a.Min)]),
        new("median", 2, [.. axes.Select(a => a.Median)]),
        new("max", 4, [.. axes.Select(a => a.Max)]),
    ];
}
