using System.Text.Json;
using Platform.Datasources.Paths;
using Platform.Datasources.Scanning;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Plans;
using Platform.Preprocessing.Datasets;

namespace Platform.Grains.Preprocessing;

/// <summary>
/// The cases a job preprocesses, from the case catalog: image and label files as the scan stored them (relative
/// to the data root, images first, label last), resolved and checked to lie under the data root again, since
/// files may have moved since the scan. An imported label map (FRAN's imported folder, e.g. a localiser's
/// predictions) is looked up by case id in the plan's imported folder. A case that cannot be resolved is a
/// failure with its reason; the others go on.
/// </summary>
public static class PreprocessingInputs
{
    public sealed record Resolved(IReadOnlyList<CaseSource> Cases, IReadOnlyList<PreprocessingFailure> Failures);

    public static Resolved Resolve(string dataRoot, IEnumerable<(string CaseId, string Datasource, string FilesJson)> rows, string? importedFolder)
    {
        var imported = importedFolder is null ? null : ImportedFolder(dataRoot, importedFolder);
        var cases = new List<CaseSource>();
        var failures = new List<PreprocessingFailure>();
        foreach (var group in rows.GroupBy(r => r.CaseId, StringComparer.Ordinal))
        {
            if (group.Count() > 1)
            {
                failures.Add(new(group.Key, $"The case id is used by datasources {string.Join(" and ", group.Select(r => r.Datasource))}: rename the cases in one of them and rescan."));
                continue;
            }

            var row = group.First();
            try
            {
                var files = JsonSerializer.Deserialize<List<FileSignature>>(row.FilesJson, PlanJson.Options) ?? [];
                if (files.Count < 2)
                    throw new ArgumentException("the catalog lists no image and label for it: rescan the datasource.");
                var paths = files.Select(f => FileUnder(dataRoot, f.Path)).ToList();
                var importedLabel = imported is null ? null : ImportedLabel(imported, row.CaseId);
                cases.Add(new CaseSource(row.CaseId, paths[..^1], paths[^1], importedLabel));
            }
            catch (ArgumentException e)
            {
                failures.Add(new(row.CaseId, $"Datasource '{row.Datasource}': {e.Message}"));
            }
        }

        return new Resolved(cases, failures);
    }

    /// <summary>The plan's imported folder, checked like a datasource folder (relative, under the data root, existing).</summary>
    private static DatasourceLocation ImportedFolder(string dataRoot, string folder)
    {
        try
        {
            return DatasourceLocation.Resolve(dataRoot, folder);
        }
        catch (ArgumentException e)
        {
            throw new PlatformValidationException("preprocessing.importedFolder", e.Message);
        }
    }

    private static string ImportedLabel(DatasourceLocation folder, string caseId) =>
        ImportedLabelFiles.Find(folder.FullPath, caseId) ?? throw new ArgumentException(ImportedLabelFiles.Missing(folder.RelativeFolder, caseId));

    private static string FileUnder(string dataRoot, string relative)
    {
        var folder = Path.GetDirectoryName(relative.Replace('/', Path.DirectorySeparatorChar)) ?? "";
        var location = DatasourceLocation.Resolve(dataRoot, string.IsNullOrEmpty(folder) ? "." : folder);
        var full = Path.Combine(location.FullPath, Path.GetFileName(relative));
        return File.Exists(full) ? full : throw new ArgumentException($"'{relative}' no longer exists: rescan the datasource.");
    }
}
