using Platform.Preprocessing.Splits;

namespace Platform.Preprocessing.Tests.Splits;

public sealed class KFoldTests
{
    [Fact]
    public void Create_default_request_makes_five_disjoint_balanced_folds()
    {
        var cases = SplitAssertions.Cases(23);

        var split = Splitter.Create(cases, new SplitRequest());

        Assert.Equal(5, split.Folds.Count);
        SplitAssertions.DisjointFoldsCoverEveryCase(split, cases.Select(c => c.CaseId));
        // 23 = 5 × 4 + 3: three folds of 5, two of 4.
        Assert.Equal([4, 4, 5, 5, 5], split.Folds.Select(f => f.Validation.Count).Order());
        Assert.Empty(split.Test);
    }

    [Fact]
    public void Create_same_seed_any_input_order_gives_identical_split()
    {
        var cases = SplitAssertions.Cases(40);
        var reversed = Enumerable.Reverse(cases).ToList();
        var request = new SplitRequest { Seed = 99 };

        var a = Splitter.Create(cases, request);
        var b = Splitter.Create(reversed, request);

        Assert.True(a.SameAs(b));
    }

    [Fact]
    public void Create_different_seed_gives_a_different_split()
    {
        var cases = SplitAssertions.Cases(40);

        var a = Splitter.Create(cases, new SplitRequest { Seed = 1 });
        var b = Splitter.Create(cases, new SplitRequest { Seed = 2 });

        Assert.False(a.SameAs(b));
    }

    [Fact]
    public void Create_shuffles_rather_than_taking_contiguous_blocks()
    {
        // FRAN takes sorted cases in contiguous blocks; ours must not.
        var cases = SplitAssertions.Cases(50);

        var split = Splitter.Create(cases, new SplitRequest { Seed = 3 });

        var contiguous = split.Folds.All(f =>
        {
            var idx = f.Validation.Select(id => int.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            return idx[^1] - idx[0] == idx.Count - 1;
        });
        Assert.False(contiguous);
    }

    [Fact]
    public void Create_fold_counts_are_validated()
    {
        Assert.Throws<SplitException>(() => Splitter.Create(SplitAssertions.Cases(3), new SplitRequest { FoldCount = 5 }));
        Assert.Throws<SplitException>(() => Splitter.Create(SplitAssertions.Cases(10), new SplitRequest { FoldCount = 1 }));
    }

    [Fact]
    public void Create_duplicate_case_ids_are_named()
    {
        var cases = SplitAssertions.Cases(10).Append(new SplitCase("case004")).ToList();

        var error = Assert.Throws<SplitException>(() => Splitter.Create(cases, new SplitRequest()));

        Assert.Contains(error.Problems, p => p.Contains("'case004'", StringComparison.Ordinal));
    }
}
