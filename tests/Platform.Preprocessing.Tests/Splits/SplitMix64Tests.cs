using Platform.Preprocessing.Splits;

namespace Platform.Preprocessing.Tests.Splits;

public sealed class SplitMix64Tests
{
    [Fact]
    public void NextUInt64_seed_1234567_matches_the_published_test_vector()
    {
        // Rosetta Code's SplitMix64 task lists these five outputs for seed 1234567.
        var rng = new SplitMix64(1234567);
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];

        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => rng.NextUInt64()).ToArray());
    }

    [Fact]
    public void NextInt_stays_in_range_and_hits_every_value()
    {
        var rng = new SplitMix64(7);
        var seen = new int[6];
        for (var i = 0; i < 6000; i++)
            seen[rng.NextInt(6)]++;

        // Each value expected 1000 times; 800 is > 6 standard deviations (≈ 29) away.
        Assert.All(seen, count => Assert.InRange(count, 800, 1200));
    }

    [Fact]
    public void Shuffle_is_a_permutation_and_depends_on_the_seed()
    {
        var a = Enumerable.Range(0, 50).ToList();
        var b = Enumerable.Range(0, 50).ToList();
        new SplitMix64(1).Shuffle(a);
        new SplitMix64(2).Shuffle(b);

        Assert.Equal(Enumerable.Range(0, 50), a.Order());
        Assert.NotEqual(a, b);
        Assert.NotEqual(Enumerable.Range(0, 50), a);
    }
}
