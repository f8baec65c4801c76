using Platform.Preprocessing.Planning;

namespace Platform.Preprocessing.Tests.Planning;

public sealed class MemoryEstimatorTests
{
    private static NetworkStage Stage(int features, int stride) => new(features, [3, 3, 3], [stride, stride, stride], 2);

    [Fact]
    public void EstimateBytes_nnunet_reference_is_about_8_GB()
    {
        // 3D, 32 base features, 6 stages, 128³, batch 2. By hand:
        // 4·(32·128³ + 64·64³ + 128·32³ + 256·16³ + 320·8³) + 2·320·4³ = 357,212,160 units;
        // × 4 bytes × 2 × 2.79 = 7,972,975,411 bytes.
        NetworkStage[] stages = [Stage(32, 1), Stage(64, 2), Stage(128, 2), Stage(256, 2), Stage(320, 2), Stage(320, 2)];

        var bytes = MemoryEstimator.EstimateBytes([128, 128, 128], stages, 2);

        Assert.Equal(7_972_975_411, bytes, 1.0);
    }

    [Fact]
    public void EstimateBytes_is_linear_in_batch()
    {
        NetworkStage[] stages = [Stage(32, 1), Stage(64, 2)];

        Assert.Equal(3 * MemoryEstimator.EstimateBytes([16, 16, 16], stages, 1), MemoryEstimator.EstimateBytes([16, 16, 16], stages, 3), 1e-3);
    }
}
