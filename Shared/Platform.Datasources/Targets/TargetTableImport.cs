using Platform.Datasources.Layouts;
using Platform.Plans.Tasks;

namespace Platform.Datasources.Targets;

/// <summary>
/// What reading a target table gave: the checked table (null when no row could be used, or the file could not be read
/// at all), every problem found (each row's with its row number and case id), and how many data rows the file had.
/// </summary>
public sealed record TargetTableImport(CaseTargetTable? Table, IReadOnlyList<DatasourceProblem> Problems, int RowsRead)
{
    public bool HasTable => Table is { Targets.Count: > 0 };
}
