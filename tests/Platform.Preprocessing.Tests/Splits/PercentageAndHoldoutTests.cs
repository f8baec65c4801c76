using Platform.Preprocessing.Splits;

namespace Platform.Preprocessing.Tests.Splits;

public sealed class PercentageAndHoldoutTests
{
    [Fact]
    public void Create_75_15_10_of_20_cases_gives_15_3_2()
    {
        var cases = SplitAssertions.Cases(20);

        var split = Splitter.Create(cases, new SplitRequest { Strategy = SplitStrategy.Percentage, Percentages = new PercentageSplit(75, 15, 10) });

        var fold = Assert.Single(split.Folds);
        Assert.Equal(15, fold.Train.Count);
        Assert.Equal(3, fold.Validation.Count);
        Assert.Equal(2, split.Test.Count);
        Assert.Equal(cases.Select(c => c.CaseId), fold.Train.Concat(fold.Validation).Concat(split.Test).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Create_percentages_round_by_largest_remainder()
    {
        // 7 cases at 70/20/10: exact 4.9 / 1.4 / 0.7 → floors 4/1/0 (5), two left go to the
        // largest remainders .9 (train) and .7 (test) → 5/1/1.
        var split = Splitter.Create(SplitAssertions.Cases(7),
            new SplitRequest { Strategy = SplitStrategy.Percentage, Percentages = new PercentageSplit(0.7, 0.2, 0.1), Seed = 4 });

        Assert.Equal(5, split.Folds[0].Train.Count);
        Assert.Single(split.Folds[0].Validation);
        Assert.Single(split.Test);
    }

    [Fact]
    public void Create_percentage_without_percentages_is_an_error()
    {
        Assert.Throws<SplitException>(() => Splitter.Create(SplitAssertions.Cases(5), new SplitRequest { Strategy = SplitStrategy.Percentage }));
        Assert.Throws<SplitException>(() => Splitter.Create(SplitAssertions.Cases(5),
            new SplitRequest { Strategy = SplitStrategy.Percentage, Percentages = new PercentageSplit(0, 50, 50) }));
    }

    [Fact]
    public void Create_explicit_holdout_is_excluded_from_every_fold()
    {
        var cases = SplitAssertions.Cases(30);
        string[] held = ["case003", "case017", "case029"];

        var split = Splitter.Create(cases, new SplitRequest { Holdout = new TestHoldout(held) });

        Assert.Equal(held, split.Test);
        SplitAssertions.DisjointFoldsCoverEveryCase(split, cases.Select(c => c.CaseId));
        Assert.Equal(27, split.Folds.Sum(f => f.Validation.Count));
    }

    [Fact]
    public void Create_fraction_holdout_takes_that_share_and_is_seeded()
    {
        var cases = SplitAssertions.Cases(30);
        var request = new SplitRequest { Holdout = new TestHoldout(Fraction: 0.2), Seed = 11 };

        var a = Splitter.Create(cases, request);
        var b = Splitter.Create(Enumerable.Reverse(cases), request);

        Assert.Equal(6, a.Test.Count);                 // round(0.2 × 30)
        Assert.Equal(a.Test, b.Test);
        SplitAssertions.DisjointFoldsCoverEveryCase(a, cases.Select(c => c.CaseId));
        Assert.All(a.Folds, f => Assert.Equal(24, f.Train.Count + f.Validation.Count));
    }

    [Fact]
    public void Create_holdout_with_unknown_case_is_named()
    {
        var error = Assert.Throws<SplitException>(() =>
            Splitter.Create(SplitAssertions.Cases(10), new SplitRequest { Holdout = new TestHoldout(["nope"]) }));

        Assert.Contains(error.Problems, p => p.Contains("'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_holdout_that_splits_a_subject_is_refused()
    {
        var cases = new[] { "sub-1_a", "sub-1_b", "sub-2_a", "sub-3_a", "sub-4_a", "sub-5_a", "sub-6_a" }
            .Select(id => new SplitCase(id)).ToList();

        var error = Assert.Throws<SplitException>(() => Splitter.Create(cases, new SplitRequest
        {
            GroupBySubject = true,
            SubjectPattern = "^(sub-[0-9]+)_",
            Holdout = new TestHoldout(["sub-1_a"]),
        }));

        Assert.Contains(error.Problems, p => p.Contains("'sub-1'", StringComparison.Ordinal) && p.Contains("sub-1_b", StringComparison.Ordinal));
    }
}
