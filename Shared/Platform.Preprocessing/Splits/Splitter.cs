namespace Platform.Preprocessing.Splits;

/// <summary>
/// Makes a split from cases and a request. Same cases (in any order) + same request → identical
/// split: cases are sorted by id, grouped into units sorted by key, then shuffled once with
/// <see cref="SplitMix64"/> seeded by <see cref="SplitRequest.Seed"/>. The test hold-out is taken
/// from the shuffled units first; the strategy places the rest.
/// </summary>
public static class Splitter
{
    public static SplitSet Create(IEnumerable<SplitCase> cases, SplitRequest request)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(request);

        var sorted = cases.OrderBy(c => c.CaseId, StringComparer.Ordinal).ToList();
        CheckCases(sorted);

        var units = SubjectGrouping.BuildUnits(sorted, request);
        new SplitMix64(request.Seed).Shuffle(units);

        var (testUnits, rest) = TestHoldoutSelector.Select(units, request.Holdout, sorted.Count);
        var test = CaseIds(testUnits);

        return request.Strategy switch
        {
            SplitStrategy.KFold => FromFolds(BalancedFoldAssigner.Assign(rest, CheckFoldCount(request, rest)), test),
            SplitStrategy.StratifiedKFold => FromFolds(StratifiedFoldAssigner.Assign(rest, CheckFoldCount(request, rest)), test),
            SplitStrategy.Percentage => FromPercentages(rest, request, test),
            _ => throw new SplitException([$"unknown split strategy {request.Strategy}"]),
        };
    }

    private static void CheckCases(List<SplitCase> sorted)
    {
        var problems = new List<string>();
        if (sorted.Count == 0)
            problems.Add("there are no cases to split");
        problems.AddRange(sorted.Where(c => string.IsNullOrWhiteSpace(c.CaseId)).Select(_ => "a case has an empty id"));
        problems.AddRange(sorted.GroupBy(c => c.CaseId, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"case '{g.Key}' appears {g.Count()} times"));
        if (problems.Count > 0)
            throw new SplitException(problems);
    }

    private static int CheckFoldCount(SplitRequest request, List<SplitUnit> rest)
    {
        if (request.FoldCount < 2)
            throw new SplitException([$"fold count {request.FoldCount} must be at least 2"]);
        if (rest.Count < request.FoldCount)
        {
            var what = request.GroupBySubject ? "subjects" : "cases";
            throw new SplitException([$"{rest.Count} {what} outside the test set cannot fill {request.FoldCount} folds"]);
        }
        return request.FoldCount;
    }

    private static SplitSet FromFolds(List<List<SplitUnit>> folds, IReadOnlyList<string> test)
    {
        var all = folds.SelectMany(f => f).ToList();
        var result = folds
            .Select(validation => new SplitFold(CaseIds(all.Except(validation)), CaseIds(validation)))
            .ToList();
        return new SplitSet(result, test);
    }

    private static SplitSet FromPercentages(List<SplitUnit> rest, SplitRequest request, IReadOnlyList<string> heldOut)
    {
        var percentages = request.Percentages
            ?? throw new SplitException(["a percentage split needs train/validation/test percentages"]);
        var (train, validation, test) = PercentageAssigner.Assign(rest, percentages);
        var fold = new SplitFold(CaseIds(train), CaseIds(validation));
        return new SplitSet([fold], [.. heldOut.Concat(CaseIds(test)).Order(StringComparer.Ordinal)]);
    }

    private static List<string> CaseIds(IEnumerable<SplitUnit> units) =>
        units.SelectMany(u => u.CaseIds).Order(StringComparer.Ordinal).ToList();
}
