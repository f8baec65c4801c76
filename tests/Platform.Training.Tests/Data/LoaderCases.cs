using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;

namespace Platform.Training.Tests.Data;

/// <summary>Small cases and settings shared by the loader tests.</summary>
internal static class LoaderCases
{
    /// <summary>Two random two-channel cases with blocky labels 0–2, of different shapes.</summary>
    public static InMemoryTrainingCase[] Random(int channels = 2)
    {
        return
        [
            Make("case-a", new Shape3(30, 26, 22), channels, seed: 1),
            Make("case-b", new Shape3(24, 28, 20), channels, seed: 2),
        ];
    }

    /// <summary>Every augmentation at probability 0.5 or more, so a handful of batches exercises every path.</summary>
    public static AugmentationSettings Heavy(Shape3 patch) => AugmentationSettings.NnUNet(patch) with
    {
        RotationProbability = 0.6,
        ScaleProbability = 0.6,
        NoiseProbability = 0.5,
        BlurProbability = 0.5,
        BrightnessProbability = 0.5,
        ContrastProbability = 0.5,
        LowResolutionProbability = 0.5,
        InvertedGammaProbability = 0.5,
        GammaProbability = 0.5,
    };

    private static InMemoryTrainingCase Make(string id, Shape3 shape, int channels, int seed)
    {
        var random = new Random(seed);
        var noise = new float[channels * shape.VoxelCount];
        for (var i = 0; i < noise.Length; i++)
            noise[i] = (float)random.NextDouble();
        return InMemoryTrainingCase.Create(id, shape, channels,
            (c, x, y, z) => noise[(c * (int)shape.VoxelCount) + x + (shape.X * (y + (shape.Y * z)))] + c,
            (x, y, z) => (byte)((x / 7 + y / 9 + z / 5) % 3));
    }
}
