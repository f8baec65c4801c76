namespace Platform.Preprocessing.Splits;

/// <summary>
/// Checks a split (typically an imported file) and names every offending case: unknown ids,
/// duplicates inside a list, a case both trained and validated on in one fold, a case validated in
/// two folds, a test case that is also in a fold.
/// </summary>
public static class SplitValidator
{
    /// <param name="split">The split to check.</param>
    /// <param name="knownCaseIds">The project's cases; null skips the unknown-id check.</param>
    public static IReadOnlyList<string> Validate(SplitSet split, IReadOnlyCollection<string>? knownCaseIds)
    {
        var problems = new List<string>();
        var known = knownCaseIds is null ? null : new HashSet<string>(knownCaseIds, StringComparer.Ordinal);
        var validatedIn = new Dictionary<string, int>(StringComparer.Ordinal);
        var test = new HashSet<string>(split.Test, StringComparer.Ordinal);

        CheckList(split.Test, "test", problems, known);
        for (var f = 0; f < split.Folds.Count; f++)
        {
            var fold = split.Folds[f];
            CheckList(fold.Train, $"fold {f} train", problems, known);
            CheckList(fold.Validation, $"fold {f} val", problems, known);

            var train = new HashSet<string>(fold.Train, StringComparer.Ordinal);
            foreach (var id in fold.Validation.Distinct(StringComparer.Ordinal).Where(train.Contains))
                problems.Add($"case '{id}' is in both train and val of fold {f}");

            foreach (var id in fold.Validation.Distinct(StringComparer.Ordinal))
            {
                if (validatedIn.TryGetValue(id, out var earlier))
                    problems.Add($"case '{id}' is in the val sets of fold {earlier} and fold {f}");
                else
                    validatedIn[id] = f;
            }

            foreach (var id in fold.Train.Concat(fold.Validation).Distinct(StringComparer.Ordinal).Where(test.Contains))
                problems.Add($"test case '{id}' is also used in fold {f}");
        }
        return problems;
    }

    public static void ThrowIfInvalid(SplitSet split, IReadOnlyCollection<string>? knownCaseIds)
    {
        var problems = Validate(split, knownCaseIds);
        if (problems.Count > 0)
            throw new SplitException(problems);
    }

    private static void CheckList(IReadOnlyList<string> ids, string where, List<string> problems, HashSet<string>? known)
    {
        foreach (var group in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"case '{group.Key}' is listed {group.Count()} times in {where}");
        if (known is null)
            return;
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Where(id => !known.Contains(id)))
            problems.Add($"unknown case '{id}' in {where}");
    }
}
