using Platform.Imaging.Volumes;
using Platform.Training.Data;

namespace Platform.Training.Augmentation;

/// <summary>
/// The intensity half of nnU-Net v2's training transforms, applied to one sample's image in nnU-Net's order: noise,
/// blur, brightness, contrast, simulated low resolution, inverted gamma, gamma. Labels are never touched. The
/// per-sample decisions and parameters are drawn from the batch's generator in a fixed order.
/// </summary>
public static class IntensityAugmentation
{
    /// <summary>Floats of scratch <see cref="Apply"/> needs for one channel of <paramref name="patch"/>.</summary>
    public static int ScratchLength(Shape3 patch) => Math.Max(GaussianBlur.ScratchLength(patch), LowResolution.ScratchLength(patch));

    /// <summary>Augments <paramref name="image"/> (channels × <paramref name="patch"/>, channel-major) in place.</summary>
    public static void Apply(Span<float> image, int channels, Shape3 patch, AugmentationSettings settings, BatchRandom random, Span<float> scratch)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var voxels = (int)patch.VoxelCount;
        if (image.Length != channels * voxels)
            throw new ArgumentException($"The image holds {image.Length} floats; {channels} channel(s) of {patch} need {channels * voxels}.", nameof(image));
        if (scratch.Length < ScratchLength(patch))
            throw new ArgumentException($"The scratch holds {scratch.Length} floats; {patch} needs {ScratchLength(patch)}.", nameof(scratch));

        // Noise: one level for all channels (nnU-Net synchronises channels here).
        if (random.Chance(settings.NoiseProbability))
        {
            var deviation = settings.NoiseStdRange.Sample(random);
            for (var c = 0; c < channels; c++)
                GaussianNoise.Add(Channel(image, c, voxels), deviation, random);
        }

        if (random.Chance(settings.BlurProbability))
        {
            for (var c = 0; c < channels; c++)
            {
                if (!random.Chance(settings.BlurPerChannelProbability))
                    continue;
                var sx = settings.BlurSigmaRange.Sample(random);
                var sy = settings.BlurSigmaRange.Sample(random);
                var sz = settings.BlurSigmaRange.Sample(random);
                GaussianBlur.Apply(Channel(image, c, voxels), patch, sx, sy, sz, scratch);
            }
        }

        if (random.Chance(settings.BrightnessProbability))
        {
            for (var c = 0; c < channels; c++)
                Brightness.Multiply(Channel(image, c, voxels), (float)settings.BrightnessRange.SampleSplitAtOne(random));
        }

        if (random.Chance(settings.ContrastProbability))
        {
            for (var c = 0; c < channels; c++)
                Contrast.Apply(Channel(image, c, voxels), (float)settings.ContrastRange.SampleSplitAtOne(random), settings.ContrastPreservesRange);
        }

        if (random.Chance(settings.LowResolutionProbability))
        {
            for (var c = 0; c < channels; c++)
            {
                if (!random.Chance(settings.LowResolutionPerChannelProbability))
                    continue;
                var zoom = settings.LowResolutionZoomRange.Sample(random);
                LowResolution.Apply(Channel(image, c, voxels), patch, zoom, keepZ: settings.InPlaneOnly, scratch);
            }
        }

        ApplyGamma(image, channels, voxels, settings, random, settings.InvertedGammaProbability, invert: true);
        ApplyGamma(image, channels, voxels, settings, random, settings.GammaProbability, invert: false);
    }

    private static void ApplyGamma(Span<float> image, int channels, int voxels, AugmentationSettings settings, BatchRandom random, double probability, bool invert)
    {
        if (!random.Chance(probability))
            return;
        for (var c = 0; c < channels; c++)
            Gamma.Apply(Channel(image, c, voxels), (float)settings.GammaRange.SampleSplitAtOne(random), invert, settings.GammaRetainsStats);
    }

    private static Span<float> Channel(Span<float> image, int channel, int voxels) => image.Slice(channel * voxels, voxels);
}
