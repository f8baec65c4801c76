using System.Text.RegularExpressions;

namespace Platform.Grains.Abstractions.Datasources;

/// <summary>
/// Case ids as they come from outside (a URL, a service's call): letters, digits, '_', '-' and '.', starting with a
/// letter or digit, never "..". Loose enough for FRAN's and nnU-Net's ids, strict enough that a case id is always a
/// plain file name, which is how predictions are stored (<c>{caseId}.nii.gz</c>).
/// </summary>
public static partial class CaseIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal);

    public static string Require(string? id) => IsValid(id)
        ? id!
        : throw new PlatformValidationException("caseId", $"'{id}' is not a valid case id: letters, digits, '_', '-' and '.', starting with a letter or digit (at most 128).");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex Pattern();
}
