using Platform.Datasources.Paths;

namespace Platform.Datasources.Layouts;

/// <summary>
/// FRAN's datasource layout: <c>images/</c> and <c>lms/</c> with one file per case each, sharing the file
/// name <c>{name}_{caseid}.ext</c>. Case ids are compared ignoring case, because two files that differ
/// only in case collide on case-insensitive file systems and in people's heads.
/// </summary>
public static class FranLayout
{
    public const string ImagesFolder = "images";
    public const string LabelsFolder = "lms";

    public static bool Matches(DatasourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Directory.Exists(Path.Combine(location.FullPath, ImagesFolder))
            && Directory.Exists(Path.Combine(location.FullPath, LabelsFolder));
    }

    public static DatasourceListing Enumerate(DatasourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var problems = new List<DatasourceProblem>();
        var images = Parse(FolderFiles.List(location, ImagesFolder, problems), problems);
        var labels = Parse(FolderFiles.List(location, LabelsFolder, problems), problems);

        var imagesByCase = images.ToLookup(i => i.Parsed.CaseId, StringComparer.OrdinalIgnoreCase);
        var labelsByCase = labels.ToLookup(l => l.Parsed.CaseId, StringComparer.OrdinalIgnoreCase);
        var cases = new List<CaseFiles>();
        var caseIds = images.Select(i => i.Parsed.CaseId).Concat(labels.Select(l => l.Parsed.CaseId))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        foreach (var caseId in caseIds)
        {
            var caseImages = imagesByCase[caseId].ToList();
            var caseLabels = labelsByCase[caseId].ToList();
            if (caseImages.Count > 1 || caseLabels.Count > 1)
            {
                var files = string.Join(", ", caseImages.Concat(caseLabels).Select(f => f.File.RelativePath));
                problems.Add(new DatasourceProblem(ProblemKind.DuplicateCaseId, caseId, null,
                    $"case id '{caseId}' is claimed by several files: {files}"));
                continue;
            }

            var image = caseImages.SingleOrDefault();
            var label = caseLabels.SingleOrDefault();
            if (image is not null && label is not null && image.File.Name == label.File.Name)
            {
                cases.Add(new CaseFiles(caseId, [image.File.RelativePath], label.File.RelativePath));
                continue;
            }

            if (image is not null)
            {
                var reason = label is null
                    ? $"no label map named {LabelsFolder}/{image.File.Name}"
                    : $"the label map for case '{caseId}' is named {label.File.Name}; image and label must share the file name";
                problems.Add(new DatasourceProblem(ProblemKind.UnpairedImage, caseId, image.File.RelativePath, reason));
            }

            if (label is not null)
            {
                var reason = image is null
                    ? $"no image named {ImagesFolder}/{label.File.Name}"
                    : $"the image for case '{caseId}' is named {image.File.Name}; image and label must share the file name";
                problems.Add(new DatasourceProblem(ProblemKind.UnpairedLabel, caseId, label.File.RelativePath, reason));
            }
        }

        return new DatasourceListing(DatasourceLayoutKind.Fran, cases, problems, null);
    }

    private static List<ParsedFile> Parse(List<FolderFile> files, List<DatasourceProblem> problems)
    {
        var parsed = new List<ParsedFile>();
        foreach (var file in files)
        {
            if (FranFileName.TryParse(file.Name, out var name, out var reason))
                parsed.Add(new ParsedFile(file, name!));
            else
                problems.Add(new DatasourceProblem(ProblemKind.BadFileName, null, file.RelativePath, reason));
        }

        return parsed;
    }

    private sealed record ParsedFile(FolderFile File, FranFileName Parsed);
}
