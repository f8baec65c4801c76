namespace Platform.Datasources.Paths;

/// <summary>
/// The one rule for which files a lab may read: <c>{DataRoot}/{labId}/...</c>, the lab's data folder. Every folder or
/// file a user (or a catalog row written from one) names is relative to that folder and is resolved here, by the
/// silo's datasource scan and preprocessing as by the WebUI's folder picker and viewer: absolute paths and '..' are
/// refused, links are followed to their real target, and a target outside the lab's folder is refused, so lab B can
/// neither name nor link its way into lab A's files. Messages name paths as the caller gave them, never the server's
/// data root (see <see cref="LabPathException"/>).
/// </summary>
/// <remarks>
/// The platform never creates a lab's data folder: the data root is read-only to it, and who copies data where is the
/// administrator's decision. A lab without one is told to ask for it (docs/operations.md, "Per-lab storage").
/// </remarks>
public sealed class LabDataRoot(string? dataRoot)
{
    public const string Setting = "Platform:Storage:DataRoot";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(dataRoot) && Path.IsPathFullyQualified(dataRoot) && Directory.Exists(dataRoot);

    /// <summary>The real path of <paramref name="lab"/>'s data folder (every link in it followed).</summary>
    /// <exception cref="LabPathException">No data root is configured, the lab id is no plain folder name, or the lab has no folder yet.</exception>
    public string AreaOf(string lab)
    {
        if (!IsConfigured)
            throw new LabPathException(LabPathProblem.NotConfigured,
                $"This server has no data root ({Setting} is not set or does not exist), so lab folders cannot be read. Ask your administrator to set it.");
        if (!IsPlainFolderName(lab))
            throw new LabPathException(LabPathProblem.Refused, $"'{lab}' is not a lab id.");
        var root = RealPath.Of(dataRoot!);
        var area = RealPath.Of(Path.Combine(root, lab));
        // A lab folder that is itself a link may point anywhere the administrator chose (another disk); only links
        // inside it are held to it. It must not lead into another lab's folder, nor to the root or above it, though.
        if (RealPath.IsUnder(root, area) || (RealPath.IsUnder(area, root) && Path.GetRelativePath(root, area) != lab))
            throw new LabPathException(LabPathProblem.Refused, $"Lab '{lab}'s data folder links to another lab's folder; ask your administrator to fix it.");
        return Directory.Exists(area)
            ? area
            : throw new LabPathException(LabPathProblem.Missing,
                $"Lab '{lab}' has no data folder yet. Ask your administrator to create '{lab}/' under the data root and copy the lab's datasources into it.");
    }

    /// <summary>A folder of <paramref name="lab"/>, named relative to the lab's data folder (how datasources and imported label folders are given).</summary>
    /// <exception cref="LabPathException">See <see cref="LabPathProblem"/>.</exception>
    public DatasourceLocation Folder(string lab, string labRelativeFolder) => DatasourceLocation.Resolve(AreaOf(lab), labRelativeFolder);

    /// <summary>
    /// The real path of a file of <paramref name="lab"/>, named relative to the lab's data folder with at least one
    /// folder (how the case catalog stores image and label files). Checked again on every read, because files may
    /// have been moved or replaced by links since the scan that recorded them.
    /// </summary>
    /// <exception cref="LabPathException">See <see cref="LabPathProblem"/>.</exception>
    public string File(string lab, string labRelativePath)
    {
        ArgumentNullException.ThrowIfNull(labRelativePath);
        var normalised = labRelativePath.Replace('\\', '/');
        var slash = normalised.LastIndexOf('/');
        var fileName = normalised[(slash + 1)..];
        if (slash <= 0 || fileName is "" or "." or "..")
            throw new LabPathException(LabPathProblem.Refused, $"'{labRelativePath}' names no file inside a folder of the lab.");
        var folder = Folder(lab, normalised[..slash]);
        var full = RealPath.Of(Path.Combine(folder.FullPath, fileName));
        if (!RealPath.IsUnder(full, folder.DataRoot))
            throw new LabPathException(LabPathProblem.Refused, $"'{labRelativePath}' links outside the lab's data folder.");
        return System.IO.File.Exists(full)
            ? full
            : throw new LabPathException(LabPathProblem.Missing, $"'{labRelativePath}' does not exist in the lab's data folder (any more): rescan the datasource.");
    }

    /// <summary>One folder name: no separators, not '.', '..' or hidden. Lab ids are stricter (LabIds); this only keeps the rule safe on its own.</summary>
    private static bool IsPlainFolderName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && !name.StartsWith('.') && name.IndexOfAny(['/', '\\', ':']) < 0 && name.Trim() == name;
}
