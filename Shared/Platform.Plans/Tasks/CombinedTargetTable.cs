namespace Platform.Plans.Tasks;

/// <summary>
/// The one target table a run of several datasources trains on: every datasource's rows, which must share the task
/// kind and (classification) the class names in the same order, since a class is an index into them.
/// </summary>
public static class CombinedTargetTable
{
    /// <exception cref="ArgumentException">No table, tables of other kinds or class names, or a case in two tables; each named.</exception>
    public static CaseTargetTable Of(IReadOnlyList<(string Datasource, CaseTargetTable Table)> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0)
            throw new ArgumentException("A run of a classification or regression project needs at least one datasource with a target table.", nameof(tables));
        var (firstName, first) = tables[0];
        if (tables.Count == 1)
            return first;
        var targets = new Dictionary<string, (string Datasource, CaseTarget Target)>(StringComparer.Ordinal);
        foreach (var (name, table) in tables)
        {
            if (table.Kind != first.Kind)
                throw new ArgumentException($"Datasource '{name}' has a {table.Kind} table; '{firstName}' has a {first.Kind} one.", nameof(tables));
            if (!table.ClassNames.SequenceEqual(first.ClassNames, StringComparer.Ordinal))
                throw new ArgumentException(
                    $"Datasource '{name}' has the classes {string.Join(", ", table.ClassNames)}; '{firstName}' has {string.Join(", ", first.ClassNames)}: tables trained together need the same classes in the same order.",
                    nameof(tables));
            foreach (var target in table.Targets)
            {
                if (!targets.TryAdd(target.CaseId, (name, target)))
                    throw new ArgumentException($"Case '{target.CaseId}' has a row in the tables of both '{targets[target.CaseId].Datasource}' and '{name}'.", nameof(tables));
            }
        }

        return new CaseTargetTable(first.Kind, first.ClassNames, [.. targets.Values.Select(t => t.Target)]);
    }
}
