namespace Platform.Training.Evaluation;

/// <summary>File-name rules shared by prediction and evaluation: a case id is the file name without its image extension.</summary>
public static class ImageFileNames
{
    private static readonly string[] Extensions = [".nii.gz", ".nii", ".nrrd", ".mha", ".mhd"];

    /// <summary>The name without its image extension ("case_01.nii.gz" → "case_01").</summary>
    public static string Stem(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName);
        foreach (var extension in Extensions)
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                return name[..^extension.Length];
        return name;
    }
}
