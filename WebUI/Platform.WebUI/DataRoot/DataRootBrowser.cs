using Platform.Datasources.Paths;

namespace Platform.WebUI.DataRoot;

/// <summary>
/// Lists the folders of one lab's data folder (<c>{DataRoot}/{labId}</c>) for the datasource folder picker. The grain
/// API has no folder listing, so the WebUI reads the shared file store itself, through the same rule the datasource
/// grain registers folders with (<see cref="LabDataRoot"/>): nothing outside the lab's folder is ever listed, and
/// paths are shown relative to it. The lab must be one the signed-in user was verified to belong to (the project
/// page renders the picker only after its lab access check).
/// </summary>
public sealed class DataRootBrowser(LabDataRoot data)
{
    /// <summary>The sub-folders of <paramref name="relativeFolder"/> (the lab's folder itself when empty), by name; hidden folders left out.</summary>
    /// <exception cref="LabPathException">The folder is outside the lab's folder or missing, the lab has no folder, or no data root is configured.</exception>
    public IReadOnlyList<DataFolder> List(string lab, string? relativeFolder)
    {
        string full, prefix;
        if (string.IsNullOrWhiteSpace(relativeFolder))
        {
            full = data.AreaOf(lab);
            prefix = "";
        }
        else
        {
            var location = data.Folder(lab, relativeFolder);
            full = location.FullPath;
            prefix = location.RelativeFolder + "/";
        }

        return new DirectoryInfo(full).EnumerateDirectories()
            .Where(d => !d.Name.StartsWith('.'))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new DataFolder(prefix + d.Name, d.Name, LayoutOf(d)))
            .ToList();
    }

    private static string? LayoutOf(DirectoryInfo folder) =>
        Directory.Exists(Path.Combine(folder.FullName, "images")) && Directory.Exists(Path.Combine(folder.FullName, "lms")) ? "FRAN"
        : Directory.Exists(Path.Combine(folder.FullName, "imagesTr")) ? "nnU-Net"
        : null;
}
