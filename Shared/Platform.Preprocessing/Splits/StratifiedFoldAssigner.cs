namespace Platform.Preprocessing.Splits;

/// <summary>
/// Stratified k-fold by label presence, a simplified iterative stratification (Sechidis et al. 2011):
/// <list type="number">
/// <item>Labels are visited from the rarest (fewest units containing it) to the most common, ties by label value.</item>
/// <item>For each label, its still-unplaced units (in shuffled order) each go to the fold furthest
///   below its share of that label (share = units with the label / k); ties to the fold with fewer
///   cases, then the lower index.</item>
/// <item>Units without labels go to the fold with the fewest cases.</item>
/// </list>
/// Rare labels are placed while every fold is still free to take them, so each fold gets
/// ⌊n/k⌋ or ⌈n/k⌉ of the cases of the rarest label; common labels are balanced with what is left.
/// </summary>
internal static class StratifiedFoldAssigner
{
    public static List<List<SplitUnit>> Assign(IReadOnlyList<SplitUnit> shuffledUnits, int foldCount)
    {
        var folds = Enumerable.Range(0, foldCount).Select(_ => new List<SplitUnit>()).ToList();
        var sizes = new int[foldCount];
        var labelCounts = new Dictionary<int, int[]>();   // label → units with it per fold
        var placed = new HashSet<SplitUnit>();

        var unitsPerLabel = shuffledUnits
            .SelectMany(u => u.Labels.Select(l => (Label: l, Unit: u)))
            .GroupBy(p => p.Label)
            .Select(g => (Label: g.Key, Units: g.Select(p => p.Unit).ToList()))
            .OrderBy(g => g.Units.Count).ThenBy(g => g.Label)
            .ToList();

        foreach (var (label, units) in unitsPerLabel)
        {
            var share = (double)units.Count / foldCount;
            foreach (var unit in units.Where(u => !placed.Contains(u)))
            {
                var have = labelCounts.TryGetValue(label, out var c) ? c : new int[foldCount];
                var target = MostDeficientFold(have, share, sizes);
                Place(unit, target);
            }
        }

        foreach (var unit in shuffledUnits.Where(u => !placed.Contains(u)))
            Place(unit, BalancedFoldAssigner.SmallestFold(sizes));

        return folds;

        void Place(SplitUnit unit, int fold)
        {
            folds[fold].Add(unit);
            sizes[fold] += unit.Size;
            placed.Add(unit);
            foreach (var l in unit.Labels)
            {
                if (!labelCounts.TryGetValue(l, out var counts))
                    labelCounts[l] = counts = new int[foldCount];
                counts[fold]++;
            }
        }
    }

    private static int MostDeficientFold(int[] have, double share, int[] sizes)
    {
        var best = 0;
        for (var f = 1; f < have.Length; f++)
        {
            var deficit = share - have[f];
            var bestDeficit = share - have[best];
            if (deficit > bestDeficit || (deficit == bestDeficit && sizes[f] < sizes[best]))
                best = f;
        }
        return best;
    }
}
