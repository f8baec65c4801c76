using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Grains.Abstractions.Labs;

/// <summary>
/// Lab ids are URL- and path-safe slugs (they appear in grain keys, URLs and file-store folders):
/// lower-case letters, digits and single dashes, 3 to 40 characters, starting with a letter.
/// </summary>
public static partial class LabIds
{
    public const int MaxLength = 40;

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string Require(string? id) => IsValid(id)
        ? id!
        : throw new PlatformValidationException("labId", $"'{id}' is not a valid lab id: use 3-{MaxLength} lower-case letters, digits and single dashes, starting with a letter.");

    /// <summary>Suggests an id from a display name ("Kidney Imaging Lab" → "kidney-imaging-lab"); null when nothing usable remains.</summary>
    public static string? Suggest(string displayName)
    {
        var slug = new StringBuilder();
        foreach (var c in displayName.Trim().ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        var id = slug.ToString().Trim('-');
        if (id.Length > MaxLength)
            id = id[..MaxLength].TrimEnd('-');
        return IsValid(id) ? id : null;
    }

    [GeneratedRegex("^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,39}$")]
    private static partial Regex Pattern();
}
