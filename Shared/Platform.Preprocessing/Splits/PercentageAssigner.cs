namespace Platform.Preprocessing.Splits;

/// <summary>
/// Train/validation/test by percentages. Case targets come from the largest-remainder method (so
/// they sum to the number of cases); each unit, in shuffled order, goes to the subset furthest below
/// its target (ties: train, validation, test). With one case per unit the targets are met exactly.
/// </summary>
internal static class PercentageAssigner
{
    public static (List<SplitUnit> Train, List<SplitUnit> Validation, List<SplitUnit> Test) Assign(
        IReadOnlyList<SplitUnit> shuffledUnits, PercentageSplit percentages)
    {
        var weights = new[] { percentages.Train, percentages.Validation, percentages.Test };
        if (weights.Any(w => w < 0 || double.IsNaN(w) || double.IsInfinity(w)) || percentages.Train <= 0)
            throw new SplitException([$"percentages {percentages.Train}/{percentages.Validation}/{percentages.Test} must be non-negative with a positive train share"]);

        var total = shuffledUnits.Sum(u => u.Size);
        var targets = LargestRemainder(weights, total);
        var subsets = new[] { new List<SplitUnit>(), new List<SplitUnit>(), new List<SplitUnit>() };
        var counts = new int[3];
        foreach (var unit in shuffledUnits)
        {
            var best = 0;
            for (var s = 1; s < 3; s++)
            {
                if (targets[s] - counts[s] > targets[best] - counts[best])
                    best = s;
            }
            subsets[best].Add(unit);
            counts[best] += unit.Size;
        }
        return (subsets[0], subsets[1], subsets[2]);
    }

    /// <summary>Integer targets proportional to the weights that sum to <paramref name="total"/>.</summary>
    internal static int[] LargestRemainder(double[] weights, int total)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => w / sum * total).ToArray();
        var result = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - result.Sum();
        // Larger remainders first; ties to the earlier subset.
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - result[i]).Take(left))
            result[i]++;
        return result;
    }
}
