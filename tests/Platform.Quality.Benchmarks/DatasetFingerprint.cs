using Platform.Datasources.Layouts;
using Platform.Datasources.Validation;
using Platform.Preprocessing.Fingerprint;

namespace Platform.Quality.Benchmarks;

/// <summary>
/// The dataset's fingerprint from its files: each case read and measured by the datasource validator (what a
/// datasource scan stores per case), then pooled by the project's <see cref="FingerprintBuilder"/>. The platform
/// takes the same numbers from its case catalog (Platform.Grains Projects/FingerprintMapping).
/// </summary>
internal static class DatasetFingerprint
{
    public const string Datasource = "abdomen";

    public static ProjectFingerprint Build(IEnumerable<(string CaseId, string Image, string Label)> cases) =>
        FingerprintBuilder.Build(cases.Select(c => Measure(c.CaseId, c.Image, c.Label)).ToList());

    private static CaseStatistics Measure(string caseId, string image, string label)
    {
        var report = CaseValidator.Validate(new CaseFiles(caseId, [image], label), path => path);
        if (!report.IsValid)
            return new CaseStatistics(caseId, Datasource, new GridSize(1, 1, 1), new Platform.Imaging.Volumes.Vector3D(1, 1, 1), [], [],
                report.Problems.FirstOrDefault()?.Reason ?? "the case did not pass validation");
        var geometry = report.Geometry!;
        var statistics = report.Statistics!;
        return new CaseStatistics(caseId, Datasource,
            new GridSize(geometry.Shape.X, geometry.Shape.Y, geometry.Shape.Z),
            geometry.Spacing,
            [.. statistics.Labels.Select(l => new LabelVoxels(l.Label, l.Voxels))],
            [.. statistics.Channels.Select(c => new ChannelIntensityStats(c.Count, c.Mean, c.StandardDeviation, c.Min, c.Max, c.Percentile00_5, c.Percentile99_5, [.. c.Sample.Select(v => (double)v)]))],
            statistics.EmptyLabel ? "empty label map: no foreground to take intensities from" : null);
    }
}
