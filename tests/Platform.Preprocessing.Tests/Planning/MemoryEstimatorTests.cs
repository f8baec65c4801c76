using Platform.Preprocessing.Planning;

namespace Platform.Preprocessing.Tests.Planning;

/// <summary>nnU-Net's count of convolution outputs, checked by hand and against a batch size nnU-Net published.</summary>
public sealed class MemoryEstimatorTests
{
    private static NetworkStage Stage(int features, int stride, int axes = 3) =>
        new(features, Enumerable.Repeat(3, axes).ToArray(), Enumerable.Repeat(stride, axes).ToArray(), 2);

    [Fact]
    public void A_3d_network_at_128_cubed_counts_encoder_decoder_transposed_convolutions_and_deep_supervision()
    {
        // Σ over the five stages above the bottleneck of (5·F + classes)·V, plus 2·F·V at the bottleneck:
        // (5·32+3)·128³ + (5·64+3)·64³ + (5·128+3)·32³ + (5·256+3)·16³ + (5·320+3)·8³ + 2·320·4³ = 453,694,976.
        NetworkStage[] stages = [Stage(32, 1), Stage(64, 2), Stage(128, 2), Stage(256, 2), Stage(320, 2), Stage(320, 2)];

        Assert.Equal(453_694_976, MemoryEstimator.FeatureMapValues([128, 128, 128], stages, classes: 3));
        // Below nnU-Net's 3D reference (560,000,000 at batch 2 in 8 GB): batch 2 takes 453,693,440 / 560,000,000 × 8 GB.
        Assert.Equal(8e9 * 453_694_976 / 560_000_000, MemoryEstimator.EstimateBytes([128, 128, 128], stages, 3, 2), 1.0);
    }

    [Fact]
    public void A_2d_network_gives_the_batch_nnunet_published_for_brats_2021()
    {
        // Dataset137_BraTS2021 2d: patch 192 × 160, six stages up to 512, four labels; nnU-Net's batch is 105 =
        // round(12 × 85,000,000 / 9,717,600).
        NetworkStage[] stages = [Stage(32, 1, 2), Stage(64, 2, 2), Stage(128, 2, 2), Stage(256, 2, 2), Stage(512, 2, 2), Stage(512, 2, 2)];

        var values = MemoryEstimator.FeatureMapValues([160, 192], stages, classes: 4);

        Assert.Equal(9_717_600, values);
        Assert.Equal(105, (int)Math.Round(8e9 / MemoryEstimator.EstimateBytes([160, 192], stages, 4, 1)));
    }

    [Fact]
    public void The_estimate_is_linear_in_the_batch()
    {
        NetworkStage[] stages = [Stage(32, 1), Stage(64, 2)];

        Assert.Equal(3 * MemoryEstimator.EstimateBytes([16, 16, 16], stages, 2, 1), MemoryEstimator.EstimateBytes([16, 16, 16], stages, 2, 3), 1e-3);
    }
}
