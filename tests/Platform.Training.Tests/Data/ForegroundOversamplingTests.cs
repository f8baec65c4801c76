using Platform.Imaging.Volumes;
using Platform.Training.Data;

namespace Platform.Training.Tests.Data;

public sealed class ForegroundOversamplingTests
{
    [Theory]
    [InlineData(1, 0.33, 1)]
    [InlineData(2, 0.33, 1)]
    [InlineData(3, 0.33, 1)]
    [InlineData(5, 0.33, 2)]
    [InlineData(12, 0.33, 4)]
    [InlineData(4, 0.0, 0)]
    [InlineData(4, 1.0, 4)]
    public void ForcedCountIsRoundedAndAtLeastOne(int batchSize, double fraction, int expected)
    {
        Assert.Equal(expected, ForegroundOversampling.ForcedCount(batchSize, fraction));
    }

    [Fact]
    public void TheLastSamplesHoldForegroundAndTheOthersRarelyDo()
    {
        // One foreground voxel at (5, 5, 5) in a 40³ case, 8³ patches, no augmentation: a random patch start is uniform
        // in 0..32 per axis and holds the voxel for 6 of 33 starts, so q = (6/33)³ ≈ 0.0060. Batch 3 forces the last
        // sample onto the voxel; the first two are random: their foreground count is Binomial(2·N, q).
        var shape = new Shape3(40, 40, 40);
        var tiny = InMemoryTrainingCase.Create("tiny", shape, 1, (_, x, y, z) => 0f, (x, y, z) => (byte)(x == 5 && y == 5 && z == 5 ? 1 : 0));
        const int batches = 400;
        var patch = new Shape3(8, 8, 8);
        var voxels = (int)patch.VoxelCount;
        using var loader = new BatchLoader([tiny], new BatchLoaderOptions { BatchSize = 3, PatchSize = patch, Seed = 11, Workers = 2 });

        var randomWithForeground = 0;
        for (var b = 0; b < batches; b++)
        {
            var batch = loader.Take();
            Assert.Contains((byte)1, batch.Labels.AsSpan(2 * voxels, voxels).ToArray());
            for (var s = 0; s < 2; s++)
                if (batch.Labels.AsSpan(s * voxels, voxels).Contains((byte)1))
                    randomWithForeground++;
        }

        var q = Math.Pow(6.0 / 33, 3);
        var n = 2 * batches;
        var mean = n * q;
        var sigma = Math.Sqrt(n * q * (1 - q));
        // The random samples are not steered to foreground: they hit the single voxel no more often than chance allows
        // (the expected count is about 5, so only the upper bound can tell anything).
        Assert.InRange(randomWithForeground, 0, mean + (5 * sigma));
    }

    [Fact]
    public void ForcedSamplesChooseAmongPresentClassesAndCentreOnTheirLocations()
    {
        // Class 1 only at (10, 10, 10), class 2 only at (30, 30, 30): a forced patch of 9³ centred on either holds it
        // at its centre (4, 4, 4); both classes must turn up.
        var shape = new Shape3(40, 40, 40);
        var twoClasses = InMemoryTrainingCase.Create("two", shape, 1, (_, x, y, z) => 0f,
            (x, y, z) => (byte)(x == 10 && y == 10 && z == 10 ? 1 : x == 30 && y == 30 && z == 30 ? 2 : 0));
        var patch = new Shape3(9, 9, 9);
        var centre = 4 + (9 * (4 + (9 * 4)));
        using var loader = new BatchLoader([twoClasses], new BatchLoaderOptions { BatchSize = 1, PatchSize = patch, Seed = 5, Workers = 1 });

        var seen = new HashSet<byte>();
        for (var b = 0; b < 40; b++)
        {
            var batch = loader.Take();
            Assert.NotEqual(0, batch.Labels[centre]);
            seen.Add(batch.Labels[centre]);
        }

        Assert.Equal(new byte[] { 1, 2 }, seen.Order().ToArray());
    }
}
