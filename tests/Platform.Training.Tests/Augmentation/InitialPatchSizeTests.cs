using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;

namespace Platform.Training.Tests.Augmentation;

public sealed class InitialPatchSizeTests
{
    [Fact]
    public void IsotropicPatchGrowsByTheRotatedCornerOverTheSmallestScale()
    {
        // nnU-Net, 64³, ±30°, scale 0.85: 64·(cos 30° + sin 30°)/0.85 = 102.85 → 102.
        var size = InitialPatchSize.For(new Shape3(64, 64, 64), AugmentationSettings.NnUNet(new Shape3(64, 64, 64)));

        Assert.Equal(new Shape3(102, 102, 102), size);
    }

    [Fact]
    public void AnisotropicPatchGetsInPlaneAugmentationAndKeepsItsDepth()
    {
        var patch = new Shape3(160, 160, 40);
        var settings = AugmentationSettings.NnUNet(patch);

        var size = InitialPatchSize.For(patch, settings);

        Assert.True(settings.InPlaneOnly);
        Assert.Equal(0, settings.RotationRangeX);
        Assert.Equal(0, settings.RotationRangeY);
        // ±180° is capped at 90°, which only swaps x and y: 160/0.85 = 188.2 → 188.
        Assert.Equal(new Shape3(188, 188, 40), size);
    }

    [Fact]
    public void NoSpatialAugmentationSamplesTheFinalPatch()
    {
        var patch = new Shape3(20, 24, 28);
        var noSpatial = new AugmentationSettings { RotationProbability = 0, ScaleProbability = 0 };

        Assert.Equal(patch, InitialPatchSize.For(patch, null));
        Assert.Equal(patch, InitialPatchSize.For(patch, noSpatial));
    }

    [Fact]
    public void ScalingAloneDividesBySmallestScale()
    {
        var settings = new AugmentationSettings { RotationProbability = 0 };

        Assert.Equal(new Shape3(75, 37, 11), InitialPatchSize.For(new Shape3(64, 32, 10), settings));
    }
}
