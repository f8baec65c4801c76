namespace Platform.Preprocessing.Splits;

/// <summary>
/// Plain k-fold: units (already shuffled) go one by one to the fold holding the fewest cases,
/// ties to the lowest fold index. Largest units go first (stable, so the shuffle still decides
/// among equal sizes) which keeps grouped folds balanced; with one case per unit this is a
/// round-robin deal, so fold sizes differ by at most one.
/// </summary>
internal static class BalancedFoldAssigner
{
    public static List<List<SplitUnit>> Assign(IReadOnlyList<SplitUnit> shuffledUnits, int foldCount)
    {
        var folds = Enumerable.Range(0, foldCount).Select(_ => new List<SplitUnit>()).ToList();
        var sizes = new int[foldCount];
        foreach (var unit in shuffledUnits.OrderByDescending(u => u.Size))
        {
            var target = SmallestFold(sizes);
            folds[target].Add(unit);
            sizes[target] += unit.Size;
        }
        return folds;
    }

    internal static int SmallestFold(int[] sizes)
    {
        var best = 0;
        for (var f = 1; f < sizes.Length; f++)
        {
            if (sizes[f] < sizes[best])
                best = f;
        }
        return best;
    }
}
