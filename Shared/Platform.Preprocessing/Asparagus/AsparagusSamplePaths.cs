using Platform.Plans.Tasks;

namespace Platform.Preprocessing.Asparagus;

/// <summary>
/// How Asparagus names a processed sample, and how the platform maps such a name to one of its cases.
/// <para>
/// Format, as read in Sllambias/asparagus_preprocessing (fce45b3): <c>utils/path.py</c> <c>get_image_output_paths</c>
/// puts each processed sample at the source file's path with the source folder replaced by
/// <c>$ASPARAGUS_DATA/&lt;task_name&gt;</c> and its image suffix (".nii", ".nii.gz") dropped; saving adds ".pt"
/// (<c>save_as_tensor</c>) or ".nii.gz". <c>utils/detect.py</c> <c>recursive_find_files</c> lists them as
/// <c>os.path.join(dirpath, filename)</c>: absolute paths, which <c>paths.json</c>, <c>split_*.json</c> and
/// <c>TEST_*.json</c> hold as plain strings, and which Sllambias/asparagus (338450b) <c>torch.load</c>s as written
/// (<c>asparagus/modules/datasets/TrainDataset.py</c>).
/// </para>
/// <para>
/// The platform never opens such a path (it is the file's word, not ours): it reads the sample's name, the file name
/// without its extension, and that name is the case id. Exports write <c>&lt;data root&gt;/&lt;task&gt;/&lt;case id&gt;.pt</c>,
/// which reads back to the same case.
/// </para>
/// </summary>
public static class AsparagusSamplePaths
{
    /// <summary>Longer entries are refused: no real file system path is this long, a hostile file's may be.</summary>
    public const int MaxPathLength = 4096;

    /// <summary>The endings of processed samples: tensors, or NIfTI when <c>save_as_tensor</c> is false.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".pt", ".nii.gz", ".nii"];

    /// <summary>The sample's name (its file name without the extension), or null with <paramref name="problem"/> saying why the entry is not a sample path.</summary>
    public static string? NameOf(string entry, out string problem)
    {
        ArgumentNullException.ThrowIfNull(entry);
        problem = PathProblem(entry, "entry") ?? string.Empty;
        if (problem.Length > 0)
            return null;

        var fileName = entry[(entry.Replace('\\', '/').LastIndexOf('/') + 1)..];
        var extension = Extensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.Ordinal));
        if (extension is null)
        {
            problem = $"'{entry}' is not a processed sample: it does not end with {string.Join(", ", Extensions)}";
            return null;
        }

        var name = fileName[..^extension.Length];
        if (name.Length == 0)
        {
            problem = $"'{entry}' has no file name before {extension}";
            return null;
        }
        return name;
    }

    /// <summary>What is wrong with a path written in a file or given for one, or null when nothing is.</summary>
    /// <param name="path">The text.</param>
    /// <param name="what">What the text is, for the message.</param>
    public static string? PathProblem(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
            return $"the {what} is empty";
        if (path.Length > MaxPathLength)
            return $"the {what} starting '{path[..40]}' is longer than {MaxPathLength} characters";
        if (path.Any(char.IsControl))
            return $"the {what} '{Printable(path)}' holds a control character";
        if (path.Replace('\\', '/').Split('/').Any(part => part == ".."))
            return $"'{path}' climbs out of its folder with '..'";
        return null;
    }

    /// <summary>The absolute path Asparagus reads for the case: <c>&lt;data root&gt;/&lt;task&gt;/&lt;case id&gt;.pt</c> (or .nii.gz).</summary>
    public static string PathOf(AsparagusSampleLocation location, string caseId)
    {
        ArgumentNullException.ThrowIfNull(location);
        return $"{location.DataRoot}/{location.Task}/{caseId}{(location.SaveAsTensor ? ".pt" : ".nii.gz")}";
    }

    private static string Printable(string text) => new(text.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}

/// <summary>Where Asparagus finds the samples of a task: its <c>$ASPARAGUS_DATA</c> folder on the machine that trains, the task and the file type.</summary>
/// <param name="DataRoot">An absolute POSIX path without a trailing '/'.</param>
/// <param name="Task">The task, whose folder under the data root holds the samples.</param>
/// <param name="SaveAsTensor">".pt" samples (Asparagus' default) rather than ".nii.gz".</param>
public sealed record AsparagusSampleLocation(string DataRoot, AsparagusTaskName Task, bool SaveAsTensor = true)
{
    /// <summary>Checks the texts; null with <paramref name="problem"/> naming what is wrong.</summary>
    public static AsparagusSampleLocation? TryCreate(string? dataRoot, string? taskName, bool saveAsTensor, out string problem)
    {
        problem = DataRootProblem(dataRoot) ?? string.Empty;
        if (problem.Length > 0)
            return null;
        if (AsparagusTaskName.TryParse(taskName) is not { } task)
        {
            problem = $"'{taskName}' is not an Asparagus task name such as SEG005_Kidney";
            return null;
        }
        return new AsparagusSampleLocation(dataRoot!.TrimEnd('/'), task, saveAsTensor);
    }

    /// <summary>What is wrong with a data folder given for an export, or null when nothing is.</summary>
    public static string? DataRootProblem(string? dataRoot)
    {
        if (dataRoot is null)
            return "the Asparagus data folder is missing";
        if (AsparagusSamplePaths.PathProblem(dataRoot, "Asparagus data folder") is { } problem)
            return problem;
        return dataRoot.StartsWith('/') && !dataRoot.Contains('\\', StringComparison.Ordinal)
            ? null
            : $"the Asparagus data folder '{dataRoot}' must be an absolute path with '/' separators (the value of $ASPARAGUS_DATA where Asparagus trains)";
    }
}
