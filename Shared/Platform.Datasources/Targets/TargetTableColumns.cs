namespace Platform.Datasources.Targets;

/// <summary>
/// Which columns of a table's header hold the case id and the target. Names are compared case-insensitively, ignoring
/// spaces, dashes and underscores ("Case ID", "case_id", "subject"); the first matching column is used.
/// </summary>
public sealed record TargetTableColumns(int CaseId, int Target)
{
    public static IReadOnlyList<string> CaseIdNames { get; } = ["case", "case_id", "case_identifier", "subject", "subject_id", "id"];

    public static IReadOnlyList<string> TargetNames { get; } = ["class", "label", "value", "target"];

    /// <summary>The columns, or null with the reason naming what was found when one is missing.</summary>
    public static (TargetTableColumns? Columns, string? Problem) Find(IReadOnlyList<string> header)
    {
        var caseId = IndexOf(header, CaseIdNames);
        var target = IndexOf(header, TargetNames);
        if (caseId >= 0 && target >= 0)
            return (new TargetTableColumns(caseId, target), null);

        var missing = string.Join(" and ", new[]
        {
            caseId < 0 ? $"a case-id column ({string.Join(", ", CaseIdNames)})" : null,
            target < 0 ? $"a class or value column ({string.Join(", ", TargetNames)})" : null,
        }.OfType<string>());
        var found = header.Count == 0 ? "no header row" : $"columns {string.Join(", ", header.Select(h => $"'{h.Trim()}'"))}";
        // Spreadsheets in many locales save "CSV" with semicolons: say so rather than leave one odd column name.
        var separator = header.Count == 1 && header[0].Contains(';', StringComparison.Ordinal) ? " The file seems separated by ';': save it comma-separated, or as .xlsx." : "";
        return (null, $"The header row needs {missing}; found {found}.{separator}");
    }

    private static int IndexOf(IReadOnlyList<string> header, IReadOnlyList<string> names)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (names.Any(n => Normal(n) == Normal(header[i])))
                return i;
        }

        return -1;
    }

    private static string Normal(string name) =>
        string.Concat(name.ToLowerInvariant().Where(c => c is not (' ' or '-' or '_')));
}
