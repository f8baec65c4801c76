using System.Globalization;
using Platform.Plans.Tasks;

namespace Platform.Datasources.Targets;

/// <summary>Turns the target cells of checked rows into classes or values, reporting each cell that is not one.</summary>
internal static class TargetParsing
{
    public delegate void RowProblem(TableRow row, string caseId, string reason);

    /// <summary>
    /// Class indices into the declared classes, or (none declared) into the table's distinct classes sorted: numerically
    /// when every class is a number ("2" before "10"), otherwise ordinally.
    /// </summary>
    public static (IReadOnlyList<string> ClassNames, IReadOnlyList<CaseTarget> Targets) Classes(
        IReadOnlyList<(TableRow Row, string CaseId, string Target)> rows, IReadOnlyList<string>? declared, RowProblem report)
    {
        var given = new List<(string CaseId, string Class)>();
        foreach (var (row, caseId, target) in rows)
        {
            if (target.Length == 0)
                report(row, caseId, "no class is given.");
            else if (declared is not null && !declared.Contains(target, StringComparer.Ordinal))
                report(row, caseId, $"'{target}' is not one of the project's classes ({string.Join(", ", declared)}).");
            else
                given.Add((caseId, target));
        }

        var names = declared ?? Sorted(given.Select(g => g.Class).Distinct(StringComparer.Ordinal));
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        return (names, given.Select(g => new CaseTarget(g.CaseId, index[g.Class], null)).ToList());
    }

    /// <summary>Finite numbers in the invariant culture ("0.5", "1e3"); NaN, infinities and anything else are reported.</summary>
    public static (IReadOnlyList<string> ClassNames, IReadOnlyList<CaseTarget> Targets) Values(
        IReadOnlyList<(TableRow Row, string CaseId, string Target)> rows, RowProblem report)
    {
        var targets = new List<CaseTarget>();
        foreach (var (row, caseId, target) in rows)
        {
            if (target.Length == 0)
                report(row, caseId, "no value is given.");
            else if (!double.TryParse(target, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                report(row, caseId, $"'{target}' is not a number (write numbers with a '.' decimal point, e.g. 42.5).");
            else if (!double.IsFinite(value))
                report(row, caseId, $"'{target}' is not a finite number: NaN and infinite values cannot be learned from.");
            else
                targets.Add(new CaseTarget(caseId, null, value));
        }

        return ([], targets);
    }

    private static IReadOnlyList<string> Sorted(IEnumerable<string> classes)
    {
        var list = classes.ToList();
        var numeric = list.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return numeric
            ? list.OrderBy(c => double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)).ThenBy(c => c, StringComparer.Ordinal).ToList()
            : list.Order(StringComparer.Ordinal).ToList();
    }
}
