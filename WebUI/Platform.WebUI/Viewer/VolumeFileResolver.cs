using Platform.Datasources.Paths;

namespace Platform.WebUI.Viewer;

/// <summary>
/// Turns a lab-relative path named by a datasource grain into a file in that lab's data folder
/// (<see cref="LabDataRoot"/>). Paths never come from the user, yet they are checked as if they did: the lab is the
/// one the request was authorised for, and absolute paths, '..' segments and links (of the folder or of the file
/// itself) that lead outside the lab's folder are refused, because the files may have changed since the scan.
/// </summary>
public sealed class VolumeFileResolver(LabDataRoot data)
{
    public VolumeFile Resolve(string lab, string labRelativePath)
    {
        if (!data.IsConfigured)
            throw new VolumeFileException(StatusCodes.Status503ServiceUnavailable,
                $"The WebUI has no data root configured ({LabDataRoot.Setting}), so it cannot show images. Ask your administrator to set it to the silos' data root.");
        if (string.IsNullOrWhiteSpace(labRelativePath))
            throw new VolumeFileException(StatusCodes.Status404NotFound, "The case names no file to show.");

        var fileName = Path.GetFileName(labRelativePath.Replace('\\', '/'));
        if (fileName is not ("" or "." or "..") && VolumeFormats.ExtensionOf(fileName) is null)
            throw new VolumeFileException(StatusCodes.Status415UnsupportedMediaType,
                $"'{fileName}' is not in a format the viewer reads from one file (.nii.gz, .nii, .nrrd, .mha). Convert the case to NIfTI to view it.");
        try
        {
            return new VolumeFile(data.File(lab, labRelativePath), VolumeFormats.ContentTypeOf(fileName), fileName);
        }
        catch (LabPathException e)
        {
            throw new VolumeFileException(e.Problem switch
            {
                LabPathProblem.NotConfigured => StatusCodes.Status503ServiceUnavailable,
                LabPathProblem.Missing => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status403Forbidden,
            }, e.Message);
        }
    }
}
