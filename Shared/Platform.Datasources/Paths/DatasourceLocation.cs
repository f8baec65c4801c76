namespace Platform.Datasources.Paths;

/// <summary>
/// A datasource folder inside a lab's data folder. Only <see cref="Resolve"/> makes one, so holding a location means
/// the folder exists and its real path (symlinks followed) lies under the real root it was resolved in. In the
/// platform that root is always a lab's data folder, handed out by <see cref="LabDataRoot"/>, the rule's one owner.
/// </summary>
/// <param name="DataRoot">The root the folder was resolved in (a lab's data folder), real path (symlinks resolved).</param>
/// <param name="RelativeFolder">The folder as the caller named it, '/'-separated, relative to the root.</param>
/// <param name="FullPath">The folder's real path.</param>
public sealed record DatasourceLocation(string DataRoot, string RelativeFolder, string FullPath)
{
    /// <summary>
    /// Checks a caller-supplied folder. Absolute paths, '..' segments and links whose target leaves the root are
    /// refused with <see cref="LabPathException"/>: a request must never read outside the root, and refusing '..'
    /// outright (rather than normalising it) keeps stored relative paths canonical. Messages name the folder as the
    /// caller gave it, never the root's absolute path. Call <see cref="LabDataRoot.Folder"/> instead in the platform.
    /// </summary>
    public static DatasourceLocation Resolve(string dataRoot, string relativeFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataRoot);
        if (string.IsNullOrWhiteSpace(relativeFolder))
            throw new LabPathException(LabPathProblem.Refused, "Name a folder inside the lab's data folder.");
        if (!Path.IsPathFullyQualified(dataRoot) || !Directory.Exists(dataRoot))
            throw new LabPathException(LabPathProblem.NotConfigured, "The data folder to resolve in must be an existing absolute path.");
        var segments = RelativeSegments(relativeFolder);
        var realRoot = RealPath.Of(dataRoot);
        var full = RealPath.Of(Path.Combine([realRoot, .. segments]));
        if (!RealPath.IsUnder(full, realRoot))
            throw new LabPathException(LabPathProblem.Refused, $"'{relativeFolder}' links outside the lab's data folder; only folders inside it can be used.");
        if (!Directory.Exists(full))
            throw new LabPathException(LabPathProblem.Missing, $"The folder '{relativeFolder}' does not exist in the lab's data folder.");
        return new DatasourceLocation(realRoot, string.Join('/', segments), full);
    }

    /// <summary>A path below the datasource, relative to the root with '/' separators (how state stores paths).</summary>
    public string RelativeToRoot(string fullPath) =>
        Path.GetRelativePath(DataRoot, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The absolute path of a root-relative path produced by <see cref="RelativeToRoot"/>.</summary>
    public string ToFullPath(string rootRelativePath) =>
        Path.Combine(DataRoot, rootRelativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string[] RelativeSegments(string relativeFolder)
    {
        if (Path.IsPathRooted(relativeFolder) || relativeFolder.StartsWith('/') || relativeFolder.StartsWith('\\')
            || (relativeFolder.Length >= 2 && relativeFolder[1] == ':'))
            // Not echoed: an absolute path is the server's, and a message must never show one.
            throw new LabPathException(LabPathProblem.Refused, "An absolute path names no folder here: give the folder relative to the lab's data folder.");
        var segments = relativeFolder.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s == ".."))
            throw new LabPathException(LabPathProblem.Refused, $"The folder '{relativeFolder}' must not contain '..' segments.");
        var kept = segments.Where(s => s != ".").ToArray();
        if (kept.Length == 0)
            throw new LabPathException(LabPathProblem.Refused, "Name a folder inside the lab's data folder, not the lab's folder itself.");
        return kept;
    }
}
