using Platform.Training.Data;

namespace Platform.Training.Tests.Data;

public sealed class BatchRandomTests
{
    [Fact]
    public void SameSeedAndIndexGiveTheSameSequence()
    {
        var a = BatchRandom.ForBatch(42, 7);
        var b = BatchRandom.ForBatch(42, 7);

        for (var i = 0; i < 100; i++)
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void NeighbouringIndicesAndSeedsGiveDifferentSequences()
    {
        var streams = new[] { BatchRandom.ForBatch(42, 7), BatchRandom.ForBatch(42, 8), BatchRandom.ForBatch(43, 7) };

        var values = streams.Select(s => s.NextUInt64()).ToArray();

        Assert.Equal(3, values.Distinct().Count());
        Assert.DoesNotContain(0UL, values);
    }

    [Fact]
    public void IntegersCoverTheirRangeUniformly()
    {
        var random = new BatchRandom(1);
        var counts = new int[6];
        const int draws = 60_000;
        for (var i = 0; i < draws; i++)
            counts[random.NextInclusive(-2, 3) + 2]++;

        // Each bin: Binomial(60000, 1/6), σ ≈ 91; 5σ bounds.
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 460, 10_000 + 460));
    }

    [Fact]
    public void DoublesLieInTheUnitInterval()
    {
        var random = new BatchRandom(2);
        for (var i = 0; i < 10_000; i++)
            Assert.InRange(random.NextDouble(), 0.0, 0.9999999999999999);
    }
}
