using Platform.Imaging.IO.MetaImage;
using Platform.Imaging.IO.Nifti;
using Platform.Imaging.IO.Nrrd;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO;

/// <summary>
/// One entry point for every format, chosen by file name: .nii/.nii.gz (NIfTI-1 or -2 by header),
/// .nrrd, .mha/.mhd.
/// </summary>
public static class ImageFile
{
    public static ImageFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path.ToLowerInvariant();
        if (name.EndsWith(".nii", StringComparison.Ordinal) || name.EndsWith(".nii.gz", StringComparison.Ordinal))
            return ImageFormat.Nifti1;
        if (name.EndsWith(".nrrd", StringComparison.Ordinal))
            return ImageFormat.Nrrd;
        if (name.EndsWith(".mha", StringComparison.Ordinal) || name.EndsWith(".mhd", StringComparison.Ordinal))
            return ImageFormat.MetaImage;
        return null;
    }

    public static bool IsSupported(string path) => FormatOf(path) is not null;

    public static VolumeHeader ReadHeader(string path, ReadOptions? options = null) => FormatOf(path) switch
    {
        ImageFormat.Nifti1 => NiftiReader.ReadHeader(path, options),
        ImageFormat.Nrrd => NrrdReader.ReadHeader(path, options),
        ImageFormat.MetaImage => MetaImageReader.ReadHeader(path, options),
        _ => throw Unknown(path),
    };

    public static VolumeStack Read(string path, ReadOptions? options = null) => FormatOf(path) switch
    {
        ImageFormat.Nifti1 => NiftiReader.Read(path, options),
        ImageFormat.Nrrd => NrrdReader.Read(path, options),
        ImageFormat.MetaImage => MetaImageReader.Read(path, options),
        _ => throw Unknown(path),
    };

    /// <summary>A single 3D volume; multi-channel files are refused rather than cut.</summary>
    public static IVolume ReadVolume(string path, ReadOptions? options = null) =>
        Read(path, (options ?? ReadOptions.Default) with { ExtraDimensionsAsChannels = false })[0];

    public static void Write(string path, VolumeStack stack)
    {
        switch (FormatOf(path))
        {
            case ImageFormat.Nifti1:
                NiftiWriter.Write(path, stack);
                break;
            case ImageFormat.Nrrd:
                NrrdWriter.Write(path, stack);
                break;
            case ImageFormat.MetaImage:
                MetaImageWriter.Write(path, stack);
                break;
            default:
                throw Unknown(path);
        }
    }

    public static void Write(string path, IVolume volume) => Write(path, new VolumeStack(volume));

    private static UnsupportedFeatureException Unknown(string path) =>
        new(path, "unknown image file extension; expected .nii, .nii.gz, .nrrd, .mha or .mhd");
}
