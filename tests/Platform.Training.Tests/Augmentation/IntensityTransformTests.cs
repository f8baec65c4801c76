using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;
using Platform.Training.Data;

namespace Platform.Training.Tests.Augmentation;

public sealed class IntensityTransformTests
{
    private static readonly Shape3 Size = new(16, 12, 10);

    [Theory]
    [InlineData(0.7f, false)]
    [InlineData(1.5f, false)]
    [InlineData(0.8f, true)]
    public void GammaWithRetainedStatsKeepsMeanAndStandardDeviation(float gamma, bool invert)
    {
        var channel = RandomChannel(seed: 4);
        var (meanBefore, sdBefore) = MeanSd(channel);
        var before = (float[])channel.Clone();

        Gamma.Apply(channel, gamma, invert, retainStats: true);

        var (meanAfter, sdAfter) = MeanSd(channel);
        Assert.Equal(meanBefore, meanAfter, 4);
        Assert.Equal(sdBefore, sdAfter, 4);
        Assert.NotEqual(before, channel);
    }

    [Fact]
    public void GammaWithoutRetainedStatsKeepsTheRangeEnds()
    {
        var channel = RandomChannel(seed: 5);
        var (min, max) = (channel.Min(), channel.Max());

        Gamma.Apply(channel, 1.4f, invert: false, retainStats: false);

        Assert.Equal(min, channel.Min(), 4);
        Assert.Equal(max, channel.Max(), 4);
    }

    [Fact]
    public void ContrastKeepsTheMeanAndStaysWithinTheOriginalRange()
    {
        var channel = RandomChannel(seed: 6);
        var (min, max) = (channel.Min(), channel.Max());
        var (mean, sd) = MeanSd(channel);

        Contrast.Apply(channel, 1.25f, preserveRange: true);

        Assert.InRange(channel.Min(), min, max);
        Assert.InRange(channel.Max(), min, max);
        var (_, newSd) = MeanSd(channel);
        Assert.True(newSd > sd, "a factor above 1 must widen the spread");
        var copy = RandomChannel(seed: 6);
        Contrast.Apply(copy, 0.75f, preserveRange: true);
        Assert.Equal(mean, MeanSd(copy).Mean, 4);
    }

    [Fact]
    public void BrightnessMultipliesEveryVoxel()
    {
        var channel = RandomChannel(seed: 7);
        var before = (float[])channel.Clone();

        Brightness.Multiply(channel, 1.2f);

        for (var i = 0; i < channel.Length; i++)
            Assert.Equal(before[i] * 1.2f, channel[i], 5);
    }

    [Fact]
    public void BlurKeepsAConstantChannelAndSpreadsAnImpulseSymmetrically()
    {
        var scratch = new float[GaussianBlur.ScratchLength(Size)];
        var constant = Enumerable.Repeat(2.5f, (int)Size.VoxelCount).ToArray();
        GaussianBlur.Apply(constant, Size, 1.0, 0.7, 0.5, scratch);
        Assert.All(constant, v => Assert.Equal(2.5f, v, 4));

        var impulse = new float[Size.VoxelCount];
        var centre = 8 + (16 * (6 + (12 * 5)));
        impulse[centre] = 1;
        GaussianBlur.Apply(impulse, Size, 1.0, 1.0, 1.0, scratch);

        Assert.Equal(1.0, impulse.Sum(), 4);
        Assert.True(impulse[centre] < 0.1f);
        Assert.Equal(impulse[centre - 1], impulse[centre + 1], 6);
        Assert.Equal(impulse[centre - 16], impulse[centre + 16], 6);
        Assert.Equal(impulse[centre - 1], impulse[centre - 16], 6);
    }

    [Fact]
    public void LowResolutionAtFullZoomChangesNothingAndKeepsConstants()
    {
        var scratch = new float[LowResolution.ScratchLength(Size)];
        var channel = RandomChannel(seed: 8);
        var before = (float[])channel.Clone();
        LowResolution.Apply(channel, Size, 1.0, keepZ: false, scratch);
        Assert.Equal(before, channel);

        var constant = Enumerable.Repeat(-1.5f, (int)Size.VoxelCount).ToArray();
        LowResolution.Apply(constant, Size, 0.5, keepZ: false, scratch);
        Assert.All(constant, v => Assert.Equal(-1.5f, v, 5));

        LowResolution.Apply(channel, Size, 0.5, keepZ: false, scratch);
        Assert.NotEqual(before, channel);
        Assert.Equal(new Shape3(8, 6, 10), LowResolution.ReducedSize(Size, 0.5, keepZ: true));
    }

    [Fact]
    public void NoiseHasTheRequestedStandardDeviation()
    {
        var channel = new float[100_000];

        GaussianNoise.Add(channel, 0.1, new BatchRandom(9));

        var (mean, sd) = MeanSd(channel);
        Assert.InRange(mean, -0.002, 0.002);
        Assert.InRange(sd, 0.098, 0.102);
    }

    [Fact]
    public void SplitAtOneDrawsBelowOneHalfTheTime()
    {
        var random = new BatchRandom(10);
        var range = new ValueRange(0.7, 1.5);
        var below = 0;
        const int draws = 20_000;
        for (var i = 0; i < draws; i++)
        {
            var value = range.SampleSplitAtOne(random);
            Assert.InRange(value, 0.7, 1.5);
            if (value < 1)
                below++;
        }

        // Binomial(20000, 0.5): standard deviation ≈ 71; 5σ bounds.
        Assert.InRange(below, 10_000 - 355, 10_000 + 355);
    }

    [Fact]
    public void FullIntensityPipelineIsDeterministicForAGeneratorState()
    {
        var settings = new AugmentationSettings
        {
            NoiseProbability = 1, BlurProbability = 1, BlurPerChannelProbability = 1, BrightnessProbability = 1, ContrastProbability = 1,
            LowResolutionProbability = 1, LowResolutionPerChannelProbability = 1, InvertedGammaProbability = 1, GammaProbability = 1,
        };
        var scratch = new float[IntensityAugmentation.ScratchLength(Size)];
        var first = RandomChannels(2, seed: 11);
        var second = (float[])first.Clone();
        var original = (float[])first.Clone();

        IntensityAugmentation.Apply(first, 2, Size, settings, new BatchRandom(12), scratch);
        IntensityAugmentation.Apply(second, 2, Size, settings, new BatchRandom(12), scratch);

        Assert.Equal(first, second);
        Assert.NotEqual(original, first);
    }

    private static float[] RandomChannel(int seed) => RandomChannels(1, seed);

    private static float[] RandomChannels(int channels, int seed)
    {
        var random = new Random(seed);
        var values = new float[channels * Size.VoxelCount];
        for (var i = 0; i < values.Length; i++)
            values[i] = (float)((random.NextDouble() * 4) - 1);
        return values;
    }

    private static (double Mean, double Sd) MeanSd(float[] values)
    {
        var mean = values.Average(v => (double)v);
        var sd = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        return (mean, sd);
    }
}
