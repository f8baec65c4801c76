using System.Text.Json;
using Platform.Datasources.Layouts;
using Platform.Datasources.Scanning;
using Platform.Grains.Abstractions.Datasources;

using Platform.Plans;
namespace Platform.Grains.Datasources;

/// <summary>Turns a scan into catalog rows: every case read, and every case id that only has problems (an unpaired file, a bad name).</summary>
public static class ScanRows
{
    public static IReadOnlyList<CatalogRow> From(ScanResult scan)
    {
        var rows = new Dictionary<string, CatalogRow>(StringComparer.Ordinal);
        foreach (var read in scan.Cases.Where(c => c.Report is not null))
            rows[read.CaseId] = FromReport(read);

        // Problems of files that never became a complete case are still reported against their case id.
        foreach (var group in scan.ListingProblems.Where(p => p.CaseId is not null).GroupBy(p => p.CaseId!))
        {
            var problems = group.Select(ToCaseProblem).ToList();
            rows[group.Key] = rows.TryGetValue(group.Key, out var row)
                ? row with { Status = CaseStatus.Invalid, Problems = [.. row.Problems, .. problems] }
                : new CatalogRow(group.Key, CaseStatus.Invalid, problems, "[]", null, null, null, new Dictionary<int, long>(), null, "[]");
        }

        return rows.Values.ToList();
    }

    /// <summary>dataset.json's channel names in channel order, as nnU-Net reads them (the parser checked they are numbered 0, 1, ...).</summary>
    public static IReadOnlyList<string> Modalities(NnUnetDatasetJson datasetJson) =>
        datasetJson.Channels.OrderBy(c => c.Key).Select(c => c.Value.Trim()).ToList();

    /// <summary>dataset.json's label names by label value (its "labels" map name → value, turned around; the first name of a value wins).</summary>
    public static IReadOnlyDictionary<int, string> LabelNames(NnUnetDatasetJson datasetJson)
    {
        var names = new Dictionary<int, string>();
        foreach (var (name, label) in datasetJson.Labels)
        {
            if (label is >= 0 and <= 255 && name.Trim().Length > 0)
                names.TryAdd(label, name.Trim());
        }

        return names;
    }

    /// <summary>Problems that belong to no case (a dataset.json disagreement, an unknown layout).</summary>
    public static IReadOnlyList<CaseProblem> DatasourceProblems(ScanResult scan) =>
        scan.ListingProblems.Where(p => p.CaseId is null).Select(ToCaseProblem).ToList();

    public static IReadOnlyList<PreviousCase> Previous(IEnumerable<(string CaseId, string FilesJson)> stored) =>
        stored.Select(s => new PreviousCase(s.CaseId, JsonSerializer.Deserialize<List<FileSignature>>(s.FilesJson, PlanJson.Options) ?? [])).ToList();

    /// <summary>The root-relative paths of a case's stored signatures, images first, label last.</summary>
    public static List<string> FilePaths(string filesJson) =>
        (JsonSerializer.Deserialize<List<FileSignature>>(filesJson, PlanJson.Options) ?? []).Select(f => f.Path).ToList();

    private static CatalogRow FromReport(CaseScan scan)
    {
        var report = scan.Report!;
        var statistics = report.Statistics;
        var geometry = report.Geometry;
        var status = !report.IsValid ? CaseStatus.Invalid : statistics is { EmptyLabel: true } ? CaseStatus.Flagged : CaseStatus.Valid;
        var problems = report.Problems.Select(ToCaseProblem).ToList();
        if (status == CaseStatus.Flagged)
            problems.Add(new CaseProblem("EmptyLabel", "The label map has no foreground (FRAN's nnz): used only where the plan allows it.", report.Files.Label));

        return new CatalogRow(
            scan.CaseId,
            status,
            problems,
            JsonSerializer.Serialize(scan.Signatures, PlanJson.Options),
            geometry is null ? null : [geometry.Shape.X, geometry.Shape.Y, geometry.Shape.Z],
            geometry is null ? null : [geometry.Spacing.X, geometry.Spacing.Y, geometry.Spacing.Z],
            geometry?.OrientationCode,
            statistics?.Labels.ToDictionary(l => l.Label, l => l.Voxels) ?? new Dictionary<int, long>(),
            statistics?.ForegroundVoxels,
            StoredChannels.Serialize(statistics?.Channels ?? []));
    }

    /// <summary>A problem as the catalog and the wire carry it (also a target table's row problems).</summary>
    public static CaseProblem ToCaseProblem(DatasourceProblem problem) => new(problem.Kind.ToString(), problem.Reason, problem.File);
}
