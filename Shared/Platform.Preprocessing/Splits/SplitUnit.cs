namespace Platform.Preprocessing.Splits;

/// <summary>
/// The indivisible thing a strategy places: one case, or all cases of one subject when grouping.
/// Every strategy works on units, so grouping combines with k-fold, stratification and percentages.
/// </summary>
internal sealed record SplitUnit(string Key, IReadOnlyList<string> CaseIds, IReadOnlySet<int> Labels)
{
    public int Size => CaseIds.Count;
}
