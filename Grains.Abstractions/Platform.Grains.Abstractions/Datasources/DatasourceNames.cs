using System.Text.RegularExpressions;

namespace Platform.Grains.Abstractions.Datasources;

/// <summary>Datasource names follow FRAN's titles: lower case, digits and underscores, starting with a letter, 1-40 characters.</summary>
public static partial class DatasourceNames
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    public static string Require(string? name) => IsValid(name)
        ? name!
        : throw new PlatformValidationException("datasource", $"'{name}' is not a valid datasource name: lower-case letters, digits and _, starting with a letter (at most 40).");

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex Pattern();
}
