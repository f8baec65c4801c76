namespace Platform.Preprocessing.Splits;

/// <summary>Removes the test hold-out from the shuffled units before any fold is made.</summary>
internal static class TestHoldoutSelector
{
    /// <returns>The held-out units and the remaining units, both in their shuffled order.</returns>
    public static (List<SplitUnit> Test, List<SplitUnit> Remaining) Select(
        List<SplitUnit> shuffledUnits, TestHoldout? holdout, int totalCases)
    {
        if (holdout is null)
            return ([], shuffledUnits);

        var test = new List<SplitUnit>();
        var rest = new List<SplitUnit>();
        var explicitIds = new HashSet<string>(holdout.CaseIds ?? [], StringComparer.Ordinal);
        CheckExplicitIds(shuffledUnits, explicitIds);

        foreach (var unit in shuffledUnits)
            (unit.CaseIds.Any(explicitIds.Contains) ? test : rest).Add(unit);

        if (holdout.Fraction is < 0 or >= 1 || double.IsNaN(holdout.Fraction))
            throw new SplitException([$"test hold-out fraction {holdout.Fraction} must be in [0, 1)"]);

        // Fraction of all cases, rounded half away from zero; units are taken in shuffled order and
        // skipped when they would overshoot (a big subject must not swallow the whole test budget).
        var target = (int)Math.Round(holdout.Fraction * totalCases, MidpointRounding.AwayFromZero);
        var held = test.Sum(u => u.Size);
        var remaining = new List<SplitUnit>();
        foreach (var unit in rest)
        {
            if (held + unit.Size <= target)
            {
                test.Add(unit);
                held += unit.Size;
            }
            else
            {
                remaining.Add(unit);
            }
        }
        return (test, remaining);
    }

    private static void CheckExplicitIds(List<SplitUnit> units, HashSet<string> explicitIds)
    {
        if (explicitIds.Count == 0)
            return;
        var problems = new List<string>();
        var known = units.SelectMany(u => u.CaseIds).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(explicitIds.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal)
            .Select(id => $"test hold-out case '{id}' is not in the project"));
        foreach (var unit in units)
        {
            var inTest = unit.CaseIds.Where(explicitIds.Contains).ToList();
            if (inTest.Count > 0 && inTest.Count < unit.Size)
            {
                var outside = unit.CaseIds.Where(id => !explicitIds.Contains(id));
                problems.Add($"subject '{unit.Key}' is split by the test hold-out: "
                    + $"[{string.Join(", ", inTest)}] held out but [{string.Join(", ", outside)}] not");
            }
        }
        if (problems.Count > 0)
            throw new SplitException(problems);
    }
}
