using Platform.Imaging.IO;

namespace Platform.Testing.Datasets;

/// <summary>Changes a person makes to a FRAN folder (images/, lms/) between two scans: a case added, intensities changed.</summary>
public static class FranFolderChanges
{
    /// <summary>Adds a copy of the first case (image and label) as case <paramref name="newId"/>; returns the new image's path.</summary>
    public static string AddCopyOfFirstCase(string folder, string newId)
    {
        var first = Directory.GetFiles(Path.Combine(folder, "images"), "*.nii.gz").Order(StringComparer.Ordinal).First();
        var name = Path.GetFileName(first);
        var copy = name[..(name.LastIndexOf('_') + 1)] + newId + ".nii.gz";
        File.Copy(Path.Combine(folder, "lms", name), Path.Combine(folder, "lms", copy));
        var image = Path.Combine(folder, "images", copy);
        File.Copy(first, image);
        return image;
    }

    /// <summary>Rewrites the last case's image with every intensity times <paramref name="scale"/> plus <paramref name="offset"/>.</summary>
    public static void ShiftIntensitiesOfLastCase(string folder, float scale, float offset)
    {
        var image = Directory.GetFiles(Path.Combine(folder, "images"), "*.nii.gz").Order(StringComparer.Ordinal).Last();
        var volume = ImageFile.ReadVolume(image).ConvertTo<float>();
        for (var i = 0; i < volume.Data.Length; i++)
            volume.Data[i] = (volume.Data[i] * scale) + offset;
        ImageFile.Write(image, volume);
    }
}
