using System.Text.RegularExpressions;
using Platform.Plans.Tasks;

namespace Platform.Grains.Abstractions.Projects;

/// <summary>
/// Project titles follow FRAN (lower case, digits and underscores, no dashes, starting with a letter) and also
/// accept Asparagus task names (<see cref="AsparagusTaskName"/>: <c>SEG005_Kidney</c>), whose prefix must name the
/// project's task kind. The title is the project's key within its lab, so it never changes.
/// </summary>
public static partial class ProjectTitles
{
    public static bool IsValid(string? title) => title is not null && (Fran().IsMatch(title) || AsparagusTaskName.TryParse(title) is not null);

    public static string Require(string? title) => IsValid(title)
        ? title!
        : throw new PlatformValidationException("title",
            $"'{title}' is not a valid project title: use lower-case letters, digits and underscores (no dashes, 2-64 characters, starting with a letter), or a task name such as SEG005_Kidney.");

    /// <summary>
    /// The task name a valid title is, after checking that its prefix names <paramref name="kind"/>; null for a FRAN-style
    /// title, which suits every kind.
    /// </summary>
    public static AsparagusTaskName? RequireKind(string title, TaskKind kind)
    {
        Require(title);
        if (!Enum.IsDefined(kind))
            throw new PlatformValidationException("kind", $"{(int)kind} is not a task kind: use {string.Join(", ", Enum.GetNames<TaskKind>())}.");
        if (AsparagusTaskName.TryParse(title) is not { } task)
            return null;
        return task.Kind == kind
            ? task
            : throw new PlatformValidationException("kind",
                $"'{title}' names a {task.Kind} task (prefix {task.Kind.Prefix()}), but the project is being created as {kind}: choose {task.Kind}, or start the title with {kind.Prefix()}.");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{1,63}$")]
    private static partial Regex Fran();
}
