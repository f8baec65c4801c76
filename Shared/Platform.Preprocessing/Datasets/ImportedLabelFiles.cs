namespace Platform.Preprocessing.Datasets;

/// <summary>
/// Where a case's imported label map (FRAN's imported folder: e.g. a localiser model's predictions) lies: the file
/// named by the case id in the folder. One rule for preprocessing (the plan's imported folder) and for prediction
/// (the imported labels given beside unseen images), so a model finds its localiser the way it was trained.
/// </summary>
public static class ImportedLabelFiles
{
    /// <summary>The extensions looked for, in order: the first file that exists wins.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".nii.gz", ".nii", ".nrrd", ".nhdr", ".mha", ".mhd"];

    /// <summary>The imported label map of <paramref name="caseId"/> in <paramref name="folder"/>, or null when there is none.</summary>
    public static string? Find(string folder, string caseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        return Extensions.Select(e => Path.Combine(folder, caseId + e)).FirstOrDefault(File.Exists);
    }

    /// <summary>What to tell a person when <see cref="Find"/> found nothing.</summary>
    public static string Missing(string folderName, string caseId) =>
        $"no imported label map '{caseId}' (.nii.gz, .nii, .nrrd or .mha) in '{folderName}'.";
}
