using System.Text.RegularExpressions;

namespace Platform.Grains.Abstractions.Projects;

/// <summary>
/// Project titles follow FRAN (lower case, digits and underscores, no dashes, starting with a letter) and also
/// accept Asparagus task names (PT|SEG|CLS|REGR, three digits, underscore, a name: <c>SEG005_Kidney</c>).
/// The title is the project's key within its lab, so it never changes.
/// </summary>
public static partial class ProjectTitles
{
    public static bool IsValid(string? title) => title is not null && (Fran().IsMatch(title) || Task().IsMatch(title));

    public static string Require(string? title) => IsValid(title)
        ? title!
        : throw new PlatformValidationException("title",
            $"'{title}' is not a valid project title: use lower-case letters, digits and underscores (no dashes, 2-64 characters, starting with a letter), or a task name such as SEG005_Kidney.");

    [GeneratedRegex("^[a-z][a-z0-9_]{1,63}$")]
    private static partial Regex Fran();

    [GeneratedRegex("^(PT|SEG|CLS|REGR)[0-9]{3}_[A-Za-z0-9][A-Za-z0-9_]{0,55}$")]
    private static partial Regex Task();
}
