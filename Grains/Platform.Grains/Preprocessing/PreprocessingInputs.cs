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
/// to the lab's data folder, images first, label last), resolved and checked to lie in the job's lab's folder again
/// (<see cref="LabDataRoot"/>), since files may have moved since the scan. An imported label map (FRAN's imported
/// folder, e.g. a localiser's predictions) is looked up by case id in the plan's imported folder, a folder of the
/// same lab. A case that cannot be resolved is a failure with its reason; the others go on.
/// </summary>
public static class PreprocessingInputs
{
    public sealed record Resolved(IReadOnlyList<CaseSource> Cases, IReadOnlyList<PreprocessingFailure> Failures);

    /// <param name="data">The data root as labs see it.</param>
    /// <param name="lab">The job's lab, from its grain key: every file and the imported folder must be this lab's.</param>
    /// <param name="rows">The catalog's usable cases of the job's datasources.</param>
    /// <param name="importedFolder">The plan's imported label folder, relative to the lab's data folder; null for none.</param>
    public static Resolved Resolve(LabDataRoot data, string lab, IEnumerable<(string CaseId, string Datasource, string FilesJson)> rows, string? importedFolder)
    {
        var imported = importedFolder is null ? null : ImportedFolder(data, lab, importedFolder);
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
                var paths = files.Select(f => data.File(lab, f.Path)).ToList();
                var importedLabel = imported is null ? null : ImportedLabel(data, lab, imported, row.CaseId);
                cases.Add(new CaseSource(row.CaseId, paths[..^1], paths[^1], importedLabel));
            }
            catch (ArgumentException e)
            {
                failures.Add(new(row.CaseId, $"Datasource '{row.Datasource}': {e.Message}"));
            }
        }

        return new Resolved(cases, failures);
    }

    /// <summary>The plan's imported folder, checked like a datasource folder (relative, in the lab's data folder, existing).</summary>
    private static DatasourceLocation ImportedFolder(LabDataRoot data, string lab, string folder)
    {
        try
        {
            return data.Folder(lab, folder);
        }
        catch (LabPathException e)
        {
            throw new PlatformValidationException("preprocessing.importedFolder", e.Message);
        }
    }

    /// <summary>The case's imported label map, itself held to the lab's folder: a link in the folder may lead anywhere.</summary>
    private static string ImportedLabel(LabDataRoot data, string lab, DatasourceLocation folder, string caseId) =>
        ImportedLabelFiles.Find(folder.FullPath, caseId) is { } found
            ? data.File(lab, $"{folder.RelativeFolder}/{Path.GetFileName(found)}")
            : throw new ArgumentException(ImportedLabelFiles.Missing(folder.RelativeFolder, caseId));
}
