namespace Platform.Datasources.Paths;

/// <summary>
/// A datasource folder inside the platform's data root. Only <see cref="Resolve"/> makes one, so holding a
/// location means the folder exists and its real path (symlinks followed) lies under the real data root.
/// </summary>
/// <param name="DataRoot">The data root, real path (symlinks resolved).</param>
/// <param name="RelativeFolder">The folder as the caller named it, '/'-separated, relative to the root.</param>
/// <param name="FullPath">The folder's real path.</param>
public sealed record DatasourceLocation(string DataRoot, string RelativeFolder, string FullPath)
{
    /// <summary>
    /// Checks a caller-supplied folder. Absolute paths, '..' segments and links whose target leaves the
    /// root are refused with <see cref="ArgumentException"/>: a request must never read outside the root,
    /// and refusing '..' outright (rather than normalising it) keeps stored relative paths canonical.
    /// </summary>
    public static DatasourceLocation Resolve(string dataRoot, string relativeFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(relativeFolder);
        if (!Path.IsPathFullyQualified(dataRoot))
            throw new ArgumentException($"The data root '{dataRoot}' must be an absolute path.", nameof(dataRoot));
        if (!Directory.Exists(dataRoot))
            throw new ArgumentException($"The data root '{dataRoot}' does not exist.", nameof(dataRoot));
        var segments = RelativeSegments(relativeFolder);
        var realRoot = RealPath.Of(dataRoot);
        var full = RealPath.Of(Path.Combine([realRoot, .. segments]));
        if (!RealPath.IsUnder(full, realRoot))
            throw new ArgumentException($"'{relativeFolder}' resolves to '{full}', outside the data root.", nameof(relativeFolder));
        if (!Directory.Exists(full))
            throw new ArgumentException($"The datasource folder '{relativeFolder}' does not exist under the data root.", nameof(relativeFolder));
        return new DatasourceLocation(realRoot, string.Join('/', segments), full);
    }

    /// <summary>A path below the datasource, relative to the data root with '/' separators (how state stores paths).</summary>
    public string RelativeToRoot(string fullPath) =>
        Path.GetRelativePath(DataRoot, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The absolute path of a root-relative path produced by <see cref="RelativeToRoot"/>.</summary>
    public string ToFullPath(string rootRelativePath) =>
        Path.Combine(DataRoot, rootRelativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string[] RelativeSegments(string relativeFolder)
    {
        if (Path.IsPathRooted(relativeFolder) || relativeFolder.StartsWith('/') || relativeFolder.StartsWith('\\')
            || (relativeFolder.Length >= 2 && relativeFolder[1] == ':'))
            throw new ArgumentException($"The datasource folder '{relativeFolder}' must be relative to the data root.", nameof(relativeFolder));
        var segments = relativeFolder.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s == ".."))
            throw new ArgumentException($"The datasource folder '{relativeFolder}' must not contain '..' segments.", nameof(relativeFolder));
        var kept = segments.Where(s => s != ".").ToArray();
        if (kept.Length == 0)
            throw new ArgumentException("The datasource folder must name a folder below the data root, not the root itself.", nameof(relativeFolder));
        return kept;
    }
}
