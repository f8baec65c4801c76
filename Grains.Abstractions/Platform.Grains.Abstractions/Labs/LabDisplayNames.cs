namespace Platform.Grains.Abstractions.Labs;

/// <summary>Display names are free text for people, within limits that keep pages and logs readable.</summary>
public static class LabDisplayNames
{
    public const int MaxLength = 100;

    public static string Require(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new PlatformValidationException("displayName", "A lab needs a name.");
        if (trimmed.Length > MaxLength)
            throw new PlatformValidationException("displayName", $"A lab name has at most {MaxLength} characters ({trimmed.Length} given).");
        if (trimmed.Any(char.IsControl))
            throw new PlatformValidationException("displayName", "A lab name cannot contain control characters.");
        return trimmed;
    }
}
