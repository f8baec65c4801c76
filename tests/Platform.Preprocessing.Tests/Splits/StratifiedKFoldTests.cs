using Platform.Preprocessing.Splits;

namespace Platform.Preprocessing.Tests.Splits;

public sealed class StratifiedKFoldTests
{
    private static int CountWith(SplitFold fold, IReadOnlyDictionary<string, SplitCase> byId, int label) =>
        fold.Validation.Count(id => byId[id].LabelsPresent.Contains(label));

    [Fact]
    public void Create_gives_each_fold_its_share_of_each_rare_label()
    {
        // 100 cases, all with label 1; 5 also with label 3, 10 others also with label 2.
        // Shares over 5 folds: label 3 → 5/5 = 1 per fold, label 2 → 10/5 = 2, label 1 → 20.
        var cases = Enumerable.Range(0, 100).Select(i => new SplitCase(
            $"c{i:D3}", Labels: i < 5 ? [1, 3] : i < 15 ? [1, 2] : [1])).ToList();
        var byId = cases.ToDictionary(c => c.CaseId);

        foreach (var seed in new ulong[] { 1, 2, 3, 42 })
        {
            var split = Splitter.Create(cases, new SplitRequest { Strategy = SplitStrategy.StratifiedKFold, Seed = seed });

            SplitAssertions.DisjointFoldsCoverEveryCase(split, byId.Keys);
            Assert.All(split.Folds, f => Assert.Equal(1, CountWith(f, byId, 3)));
            Assert.All(split.Folds, f => Assert.Equal(2, CountWith(f, byId, 2)));
            Assert.All(split.Folds, f => Assert.Equal(20, f.Validation.Count));
        }
    }

    [Fact]
    public void Create_uneven_rare_label_differs_by_at_most_one_between_folds()
    {
        // 7 cases with label 9 among 60: 7/5 → folds get 1 or 2, never 0 or 3.
        var cases = Enumerable.Range(0, 60).Select(i => new SplitCase($"c{i:D2}", Labels: i % 9 == 0 ? [1, 9] : [1])).ToList();
        var byId = cases.ToDictionary(c => c.CaseId);

        var split = Splitter.Create(cases, new SplitRequest { Strategy = SplitStrategy.StratifiedKFold, Seed = 5 });

        var counts = split.Folds.Select(f => CountWith(f, byId, 9)).ToList();
        Assert.Equal(7, counts.Sum());
        Assert.All(counts, c => Assert.InRange(c, 1, 2));
        Assert.All(split.Folds, f => Assert.Equal(12, f.Validation.Count));
    }

    [Fact]
    public void Create_stratified_does_better_than_plain_kfold_on_a_rare_label_across_seeds()
    {
        // Quality, not luck: over 20 seeds plain k-fold leaves some fold without the rare label
        // (5 cases over 5 folds: P(each fold exactly one) is small), stratified never does.
        var cases = Enumerable.Range(0, 50).Select(i => new SplitCase($"c{i:D2}", Labels: i < 5 ? [4] : [])).ToList();
        var byId = cases.ToDictionary(c => c.CaseId);
        var plainMissed = 0;
        for (ulong seed = 0; seed < 20; seed++)
        {
            var plain = Splitter.Create(cases, new SplitRequest { Seed = seed });
            var strat = Splitter.Create(cases, new SplitRequest { Strategy = SplitStrategy.StratifiedKFold, Seed = seed });
            if (plain.Folds.Any(f => CountWith(f, byId, 4) == 0))
                plainMissed++;
            Assert.All(strat.Folds, f => Assert.Equal(1, CountWith(f, byId, 4)));
        }
        Assert.True(plainMissed > 0);
    }
}
