using Platform.Training.Losses;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Losses;

public sealed class DeepSupervisionLossTests
{
    [Fact]
    public void WeightsHalvePerOutputDropTheLowestAndSumToOne()
    {
        Assert.Equal(new[] { 1.0 }, DeepSupervisionWeights.For(1));
        Assert.Equal(new[] { 2.0 / 3, 1.0 / 3, 0 }, DeepSupervisionWeights.For(3), new ToleranceComparer(1e-15));
        Assert.Equal(new[] { 1 / 1.875, 0.5 / 1.875, 0.25 / 1.875, 0.125 / 1.875, 0 }, DeepSupervisionWeights.For(5), new ToleranceComparer(1e-15));
    }

    [Fact]
    public void TargetIsDownsampledByNearestNeighbourTakingEveryOtherVoxel()
    {
        using var scope = NewDisposeScope();
        var target = arange(16, ScalarType.Int64).reshape(1, 1, 1, 4, 4);
        var output = zeros([1, 2, 1, 2, 2]);

        var downsampled = DeepSupervisionLoss.DownsampleTarget(target, output);

        Assert.Equal(new long[] { 0, 2, 8, 10 }, downsampled.data<long>().ToArray());
    }

    [Fact]
    public void LossIsTheWeightedSumOverOutputsAgainstDownsampledTargets()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var full = randn([2, 3, 4, 4, 4], ScalarType.Float64);
        var half = randn([2, 3, 2, 2, 2], ScalarType.Float64);
        // The lowest output has weight 0 and is never evaluated: a shape no target fits proves it.
        var lowest = randn([2, 3, 1, 1, 3], ScalarType.Float64);
        var target = randint(0, 3, [2, 1, 4, 4, 4], ScalarType.Int64);
        var single = new DiceCrossEntropyLoss(new LossOptions());
        // Nearest downsampling by 2 keeps the even voxels.
        var halfTarget = target.index_select(2, tensor(new long[] { 0, 2 })).index_select(3, tensor(new long[] { 0, 2 })).index_select(4, tensor(new long[] { 0, 2 }));

        double combined = new DeepSupervisionLoss(single).Compute([full, half, lowest], target).item<double>();

        double expected = 2.0 / 3 * single.Compute(full, target).item<double>() + 1.0 / 3 * single.Compute(half, halfTarget).item<double>();
        Assert.Equal(expected, combined, 12);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
