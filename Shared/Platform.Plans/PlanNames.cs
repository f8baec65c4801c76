using System.Text.RegularExpressions;

namespace Platform.Plans;

/// <summary>Plan names are short slugs ("3d_fullres", "lbd-kidney"): lower case, digits, _ and -, 1-40 characters.</summary>
public static partial class PlanNames
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>Why <paramref name="name"/> is refused, in words for the person who typed it.</summary>
    public static string Problem(string? name) =>
        $"'{name}' is not a valid plan name: use 1-40 lower-case letters, digits, _ and -, starting with a letter or digit.";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex Pattern();
}
