using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Plans.Tasks;

/// <summary>
/// An Asparagus task name, <c>&lt;PREFIX&gt;&lt;XXX&gt;_&lt;Name&gt;</c>: the prefix names the task kind (<see cref="TaskKinds.Prefix"/>),
/// three digits number the task within its kind, and the name says what it is (<c>SEG005_Kidney</c>). The one parser
/// of such names: project titles, imports of Asparagus' outputs and the number check within a lab all read them here.
/// </summary>
/// <param name="Kind">The kind the prefix names.</param>
/// <param name="Number">0 to 999; unique per kind within a lab.</param>
/// <param name="Name">Letters, digits and underscores, 1 to 56 characters, starting with a letter or digit.</param>
public sealed partial record AsparagusTaskName(TaskKind Kind, int Number, string Name)
{
    /// <summary>The name as Asparagus writes it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind.Prefix()}{Number:000}_{Name}");

    /// <summary>The task name the text is, or null when it is not one (any other text, a FRAN-style title included).</summary>
    public static AsparagusTaskName? TryParse(string? text)
    {
        if (text is null)
            return null;
        var match = Pattern().Match(text);
        if (!match.Success || !TaskKinds.TryParsePrefix(match.Groups["prefix"].Value, out var kind))
            return null;
        return new AsparagusTaskName(kind, int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value);
    }

    [GeneratedRegex("^(?<prefix>PT|SEG|CLS|REGR)(?<number>[0-9]{3})_(?<name>[A-Za-z0-9][A-Za-z0-9_]{0,55})$")]
    private static partial Regex Pattern();
}
