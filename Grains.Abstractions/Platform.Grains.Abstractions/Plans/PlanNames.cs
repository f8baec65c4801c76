using System.Text.RegularExpressions;

namespace Platform.Grains.Abstractions.Plans;

/// <summary>Plan names are short slugs ("3d_fullres", "lbd-kidney"): lower case, digits, _ and -, 1-40 characters.</summary>
public static partial class PlanNames
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    public static string Require(string? name) => IsValid(name)
        ? name!
        : throw new PlatformValidationException("planName", $"'{name}' is not a valid plan name: use 1-40 lower-case letters, digits, _ and -, starting with a letter or digit.");

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex Pattern();
}
