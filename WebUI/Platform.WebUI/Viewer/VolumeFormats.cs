namespace Platform.WebUI.Viewer;

/// <summary>
/// The volume formats the browser viewer reads from one file. NRRD with a detached header (.nhdr) and MetaImage
/// with a separate data file (.mhd) would need a second request NiiVue makes by a name of its own: not offered.
/// </summary>
public static class VolumeFormats
{
    private static readonly string[] Extensions = [".nii.gz", ".nii", ".nrrd", ".mha"];

    /// <summary>The viewable extension <paramref name="fileName"/> ends with (".nii.gz" before ".nii"); null when none.</summary>
    public static string? ExtensionOf(string fileName) =>
        Extensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>gzip files go as application/gzip, unencoded: NiiVue inflates them itself, so no Content-Encoding is set.</summary>
    public static string ContentTypeOf(string fileName) =>
        fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? "application/gzip" : "application/octet-stream";
}
