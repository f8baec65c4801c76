using Platform.Preprocessing.Splits;

namespace Platform.Preprocessing.Tests.Splits;

/// <summary>Properties every k-fold split must have, checked from scratch.</summary>
internal static class SplitAssertions
{
    public static void DisjointFoldsCoverEveryCase(SplitSet split, IEnumerable<string> allCases)
    {
        var all = allCases.Order(StringComparer.Ordinal).ToList();
        var validated = split.Folds.SelectMany(f => f.Validation).ToList();

        // Every non-test case validated exactly once; test cases never in a fold.
        Assert.Equal(validated.Count, validated.Distinct().Count());
        Assert.Equal(all, validated.Concat(split.Test).Order(StringComparer.Ordinal));
        foreach (var fold in split.Folds)
        {
            Assert.Empty(fold.Train.Intersect(fold.Validation));
            Assert.Empty(fold.Train.Intersect(split.Test));
            Assert.Equal(validated.Order(StringComparer.Ordinal), fold.Train.Concat(fold.Validation).Order(StringComparer.Ordinal));
        }
    }

    public static List<SplitCase> Cases(int count, string prefix = "case") =>
        Enumerable.Range(0, count).Select(i => new SplitCase($"{prefix}{i:D3}")).ToList();
}
