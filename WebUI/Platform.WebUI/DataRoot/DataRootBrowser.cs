using Platform.Datasources.Paths;

namespace Platform.WebUI.DataRoot;

/// <summary>
/// Lists folders under the platform's data root (Platform:Storage:DataRoot) for the datasource folder picker.
/// The grain API has no folder listing, so the WebUI reads the shared file store itself, with the same checks
/// the datasource grain applies (<see cref="DatasourceLocation"/>): nothing outside the root is ever listed.
/// </summary>
public sealed class DataRootBrowser(string? dataRoot)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(dataRoot) && Directory.Exists(dataRoot);

    /// <summary>The sub-folders of <paramref name="relativeFolder"/> (the root itself when empty), by name; hidden folders left out.</summary>
    /// <exception cref="ArgumentException">The folder is outside the root, missing, or no data root is configured.</exception>
    public IReadOnlyList<DataFolder> List(string? relativeFolder)
    {
        if (!IsConfigured)
            throw new ArgumentException("No data root is configured (Platform:Storage:DataRoot), so there are no folders to pick from. Ask your administrator to set it.");

        string full, prefix;
        if (string.IsNullOrWhiteSpace(relativeFolder))
        {
            full = RealPath.Of(dataRoot!);
            prefix = "";
        }
        else
        {
            var location = DatasourceLocation.Resolve(dataRoot!, relativeFolder);
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
