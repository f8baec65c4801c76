namespace Platform.Plans.Tasks;

/// <summary>
/// One row of a classification or regression table: a case and what the network should predict for it. Exactly one
/// of <paramref name="Class"/> (an index into <see cref="CaseTargetTable.ClassNames"/>) and <paramref name="Value"/>
/// (a finite number) is set, by the table's kind.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Plans.Tasks.CaseTarget")]
public sealed record CaseTarget(
    [property: Id(0)] string CaseId,
    [property: Id(1)] int? Class,
    [property: Id(2)] double? Value);

/// <summary>
/// What every case of a classification or regression datasource should be predicted as: Asparagus' "table" of case →
/// class or value, once read and checked (one row per case, known classes, finite values). Classification class
/// indices are 0 to <c>ClassNames.Count - 1</c>, in the order of <see cref="ClassNames"/>; regression has no class names.
/// The training library reads targets only through this type; the importers of CSV, TSV and xlsx tables produce it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Plans.Tasks.CaseTargetTable")]
public sealed record CaseTargetTable(
    [property: Id(0)] TaskKind Kind,
    [property: Id(1)] IReadOnlyList<string> ClassNames,
    [property: Id(2)] IReadOnlyList<CaseTarget> Targets)
{
    /// <summary>The targets by case id, for lookups over many cases (case ids are unique in a checked table).</summary>
    public IReadOnlyDictionary<string, CaseTarget> ByCase() => Targets.ToDictionary(t => t.CaseId, StringComparer.Ordinal);
}
