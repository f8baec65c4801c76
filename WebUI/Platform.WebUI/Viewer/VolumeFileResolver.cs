using Platform.Datasources.Paths;

namespace Platform.WebUI.Viewer;

/// <summary>
/// Turns a root-relative path named by a datasource grain into a file under the WebUI's data root
/// (Platform:Storage:DataRoot). Paths never come from the user, yet they are checked as if they did: absolute paths,
/// '..' segments and links (of the folder or of the file itself) that lead outside the root are refused, because the
/// files may have changed since the scan that recorded them.
/// </summary>
public sealed class VolumeFileResolver(string? dataRoot)
{
    public VolumeFile Resolve(string rootRelativePath)
    {
        if (string.IsNullOrWhiteSpace(dataRoot) || !Directory.Exists(dataRoot))
            throw new VolumeFileException(StatusCodes.Status503ServiceUnavailable,
                "The WebUI has no data root configured (Platform:Storage:DataRoot), so it cannot show images. Ask your administrator to set it to the silos' data root.");
        if (string.IsNullOrWhiteSpace(rootRelativePath))
            throw new VolumeFileException(StatusCodes.Status404NotFound, "The case names no file to show.");

        var normalised = rootRelativePath.Replace('\\', '/');
        var fileName = normalised[(normalised.LastIndexOf('/') + 1)..];
        var folder = normalised[..Math.Max(normalised.LastIndexOf('/'), 0)];
        if (fileName is "" or "." or ".." || folder.Length == 0)
            throw Outside(rootRelativePath);
        if (VolumeFormats.ExtensionOf(fileName) is null)
            throw new VolumeFileException(StatusCodes.Status415UnsupportedMediaType,
                $"'{fileName}' is not in a format the viewer reads from one file (.nii.gz, .nii, .nrrd, .mha). Convert the case to NIfTI to view it.");

        DatasourceLocation location;
        try
        {
            location = DatasourceLocation.Resolve(dataRoot, folder);
        }
        catch (ArgumentException e) when (e.Message.Contains("does not exist", StringComparison.Ordinal))
        {
            throw new VolumeFileException(StatusCodes.Status404NotFound, $"'{rootRelativePath}' is no longer under the data root: rescan the datasource.");
        }
        catch (ArgumentException)
        {
            throw Outside(rootRelativePath);
        }

        var full = RealPath.Of(Path.Combine(location.FullPath, fileName));
        if (!RealPath.IsUnder(full, location.DataRoot))
            throw Outside(rootRelativePath);
        if (!File.Exists(full))
            throw new VolumeFileException(StatusCodes.Status404NotFound, $"'{rootRelativePath}' is no longer under the data root: rescan the datasource.");
        return new VolumeFile(full, VolumeFormats.ContentTypeOf(fileName), fileName);
    }

    private static VolumeFileException Outside(string path) =>
        new(StatusCodes.Status403Forbidden, $"'{path}' does not lie inside the data root; the viewer shows only files under it.");
}
