namespace Platform.Datasources.Layouts;

/// <summary>A FRAN file name taken apart: <c>{Name}_{CaseId}{Extension}</c>.</summary>
public sealed record FranFileName(string Name, string CaseId, string Extension)
{
    /// <summary>The file name without its extension, <c>{Name}_{CaseId}</c>.</summary>
    public string Stem => $"{Name}_{CaseId}";

    /// <summary>The extensions FRAN reads, longest first so ".nii.gz" is not taken for ".gz".</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".nii.gz", ".nii", ".nrrd"];

    /// <summary>
    /// Parses a file name; on failure <paramref name="reason"/> says which rule broke. The name part is lower
    /// case letters and digits (FRAN titles have no dashes or capitals), the case id letters and digits, and
    /// exactly one '_' separates them, so the case id can always be recovered from the file name alone.
    /// </summary>
    public static bool TryParse(string fileName, out FranFileName? parsed, out string reason)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        parsed = null;
        var extension = Extensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.Ordinal));
        if (extension is null)
        {
            reason = $"extension must be one of {string.Join(", ", Extensions)} (lower case)";
            return false;
        }

        var stem = fileName[..^extension.Length];
        var parts = stem.Split('_');
        if (parts.Length != 2)
        {
            reason = parts.Length < 2
                ? "no '_' between name and case id; expected {name}_{caseid}"
                : $"{parts.Length - 1} '_' found; expected exactly one, between name and case id";
            return false;
        }

        var (name, caseId) = (parts[0], parts[1]);
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            reason = $"name '{name}' must be non-empty lower case letters and digits";
            return false;
        }

        if (caseId.Length == 0 || !caseId.All(char.IsAsciiLetterOrDigit))
        {
            reason = $"case id '{caseId}' must be non-empty letters and digits";
            return false;
        }

        parsed = new FranFileName(name, caseId, extension);
        reason = string.Empty;
        return true;
    }
}
