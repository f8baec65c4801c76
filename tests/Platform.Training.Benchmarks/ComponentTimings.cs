using System.Diagnostics;
using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;
using Platform.Training.Data;

namespace Platform.Training.Benchmarks;

/// <summary>Times each augmentation on one channel of a patch, single-threaded, to show where a batch's time goes.</summary>
internal static class ComponentTimings
{
    public static void Print(Shape3 patch, int repetitions)
    {
        var settings = AugmentationSettings.NnUNet(patch);
        var sampled = InitialPatchSize.For(patch, settings);
        var random = new BatchRandom(5);
        var source = new float[sampled.VoxelCount];
        var sourceLabel = new byte[sampled.VoxelCount];
        for (var i = 0; i < source.Length; i++)
        {
            source[i] = (float)random.NextDouble();
            sourceLabel[i] = (byte)(i % 3);
        }
        var image = new float[patch.VoxelCount];
        var label = new byte[patch.VoxelCount];
        var scratch = new float[IntensityAugmentation.ScratchLength(patch)];
        var rotation = SpatialTransform.Create(0.4, -0.3, 0.5, 1.2, inPlaneOnly: false);
        var (ox, oy, oz) = rotation.Apply(-(patch.X - 1) / 2.0, -(patch.Y - 1) / 2.0, -(patch.Z - 1) / 2.0);
        var origin = (((sampled.X - 1) / 2.0) + ox, ((sampled.Y - 1) / 2.0) + oy, ((sampled.Z - 1) / 2.0) + oz);
        Array.Copy(source, image, image.Length);

        Console.WriteLine($"Per-channel cost for a {patch} patch (sampled {sampled}), ms, 1 thread:");
        Time("rotate+zoom (trilinear image, nearest label)", repetitions, () =>
            SpatialResampler.Resample(source, sourceLabel, sampled, 1, image, label, patch, rotation, origin, 0));
        Time("Gaussian noise", repetitions, () => GaussianNoise.Add(image, 0.05, random));
        Time("Gaussian blur (σ 1, 1, 1)", repetitions, () => GaussianBlur.Apply(image, patch, 1, 1, 1, scratch));
        Time("brightness", repetitions, () => Brightness.Multiply(image, 1.01f));
        Time("contrast (preserve range)", repetitions, () => Contrast.Apply(image, 1.01f, true));
        Time("low resolution (zoom 0.7)", repetitions, () => LowResolution.Apply(image, patch, 0.7, false, scratch));
        Time("gamma (retain stats)", repetitions, () => Gamma.Apply(image, 1.1f, false, true));
        Time("mirror x, y, z", repetitions, () => Mirroring.Flip<float>(image, patch, true, true, true));
        Console.WriteLine();
    }

    private static void Time(string name, int repetitions, Action action)
    {
        action();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < repetitions; i++)
            action();
        Console.WriteLine($"  {name,-46} {clock.Elapsed.TotalMilliseconds / repetitions,8:0.0}");
    }
}
