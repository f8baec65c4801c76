using Platform.Preprocessing.Splits;

namespace Platform.Preprocessing.Tests.Splits;

public sealed class GroupedSplitTests
{
    private const string Bids = "^(sub-[A-Za-z0-9]+)_";

    // 12 subjects with 1, 2 or 3 sessions each (24 cases).
    private static List<SplitCase> BidsCases() =>
        Enumerable.Range(1, 12)
            .SelectMany(s => Enumerable.Range(1, (s % 3) + 1).Select(ses => new SplitCase($"sub-{s:D2}_ses-{ses}")))
            .ToList();

    private static string SubjectOf(string caseId) => caseId[..caseId.IndexOf('_', StringComparison.Ordinal)];

    [Fact]
    public void Create_grouped_keeps_every_subject_in_one_fold()
    {
        var cases = BidsCases();

        var split = Splitter.Create(cases, new SplitRequest { GroupBySubject = true, SubjectPattern = Bids, Seed = 8 });

        SplitAssertions.DisjointFoldsCoverEveryCase(split, cases.Select(c => c.CaseId));
        var foldOf = split.ValidationFoldByCase();
        foreach (var subject in cases.GroupBy(c => SubjectOf(c.CaseId)))
            Assert.Single(subject.Select(c => foldOf[c.CaseId]).Distinct());
        // Balance: 24 cases in 5 folds; largest-first greedy keeps folds within one subject (≤ 3) of each other.
        var sizes = split.Folds.Select(f => f.Validation.Count).ToList();
        Assert.True(sizes.Max() - sizes.Min() <= 3, string.Join(",", sizes));
    }

    [Fact]
    public void Create_explicit_subject_id_wins_over_the_pattern()
    {
        // Two ids that the pattern would put in different subjects, declared one subject.
        var cases = BidsCases()
            .Select(c => c.CaseId is "sub-01_ses-1" or "sub-02_ses-1" ? c with { SubjectId = "twin" } : c)
            .ToList();

        var split = Splitter.Create(cases, new SplitRequest { GroupBySubject = true, SubjectPattern = Bids, Seed = 8 });

        var foldOf = split.ValidationFoldByCase();
        Assert.Equal(foldOf["sub-01_ses-1"], foldOf["sub-02_ses-1"]);
    }

    [Fact]
    public void Create_pattern_that_does_not_match_names_the_case()
    {
        var cases = BidsCases().Append(new SplitCase("patient7")).ToList();

        var error = Assert.Throws<SplitException>(() =>
            Splitter.Create(cases, new SplitRequest { GroupBySubject = true, SubjectPattern = Bids }));

        Assert.Contains(error.Problems, p => p.Contains("'patient7'", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_pattern_without_exactly_one_group_is_refused()
    {
        Assert.Throws<SplitException>(() =>
            Splitter.Create(BidsCases(), new SplitRequest { GroupBySubject = true, SubjectPattern = "^sub-[0-9]+" }));
        Assert.Throws<SplitException>(() =>
            Splitter.Create(BidsCases(), new SplitRequest { GroupBySubject = true, SubjectPattern = "^(sub)-([0-9]+)" }));
    }

    [Fact]
    public void Create_grouped_percentage_split_never_splits_a_subject()
    {
        var cases = BidsCases();

        var split = Splitter.Create(cases, new SplitRequest
        {
            Strategy = SplitStrategy.Percentage,
            Percentages = new PercentageSplit(60, 20, 20),
            GroupBySubject = true,
            SubjectPattern = Bids,
        });

        var fold = Assert.Single(split.Folds);
        var subsets = new[] { fold.Train, fold.Validation, split.Test };
        foreach (var subject in cases.Select(c => SubjectOf(c.CaseId)).Distinct())
            Assert.Equal(1, subsets.Count(s => s.Any(id => SubjectOf(id) == subject)));
        Assert.Equal(24, subsets.Sum(s => s.Count));
    }
}
