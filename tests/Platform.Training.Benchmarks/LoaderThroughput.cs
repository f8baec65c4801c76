using System.Diagnostics;
using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;
using Platform.Training.Data;

namespace Platform.Training.Benchmarks;

/// <summary>
/// Times the batch loader with nnU-Net's full augmentation on generated cases in the preprocessed store: batches
/// taken one after another, as fast as the loader's workers deliver them (the trainer side does nothing).
/// </summary>
internal static class LoaderThroughput
{
    public static double BatchesPerSecond(IReadOnlyList<ITrainingCase> cases, Shape3 patch, int batch, int workers, bool augmented, double seconds, out Shape3 sampled)
    {
        var options = new BatchLoaderOptions
        {
            BatchSize = batch,
            PatchSize = patch,
            Seed = 1,
            Workers = workers,
            QueueCapacity = 4,
            Augmentation = augmented ? AugmentationSettings.NnUNet(patch) : null,
        };
        using var loader = new BatchLoader(cases, options);
        sampled = loader.SampledPatchSize;
        loader.Take();
        loader.Take();
        var clock = Stopwatch.StartNew();
        var batches = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            loader.Take();
            batches++;
        }

        return batches / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The loader table: 64³ and 128³ patches, with and without augmentation, 1 and 2 workers.</summary>
    public static void PrintTable(IReadOnlyList<ITrainingCase> cases, double secondsPerRow)
    {
        Console.WriteLine("| patch | sampled patch | augmentation | workers | batches/s | patches/s | ms/batch |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var edge in new[] { 64, 128 })
            foreach (var augmented in new[] { true, false })
                foreach (var workers in new[] { 1, 2 })
                {
                    var patch = new Shape3(edge, edge, edge);
                    var rate = BatchesPerSecond(cases, patch, 2, workers, augmented, secondsPerRow, out var sampled);
                    Console.WriteLine($"| {patch} | {sampled} | {(augmented ? "nnU-Net" : "none")} | {workers} | {rate:0.00} | {2 * rate:0.00} | {1000 / rate:0} |");
                }
    }
}
