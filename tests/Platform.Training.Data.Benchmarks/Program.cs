using System.Diagnostics;
using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;
using Platform.Training.Data;
using Platform.Training.Data.Benchmarks;

// Usage: dotnet run -c Release --project tests/Platform.Training.Data.Benchmarks [-- --quick] [-- --components]
// Times BatchLoader (batch 2, 1 channel, nnU-Net v2's default augmentation) on generated cases in the preprocessed
// store, for 64³ and 128³ patches and 1 and 2 workers; prints batches/s, patches/s and ms per batch. --components
// instead times each augmentation on one channel, single-threaded.
var quick = args.Contains("--quick");
var secondsPerRow = quick ? 3.0 : 10.0;
var caseShape = quick ? new Shape3(160, 160, 96) : new Shape3(256, 256, 160);
if (args.Contains("--components"))
{
    ComponentTimings.Print(new Shape3(64, 64, 64), quick ? 5 : 20);
    ComponentTimings.Print(new Shape3(128, 128, 128), quick ? 2 : 5);
    return;
}
var folder = Path.Combine(Path.GetTempPath(), "training-data-benchmark-" + Guid.NewGuid().ToString("N"));
try
{
    Console.WriteLine($"Writing 3 cases of {caseShape} (1 channel, float32) to {folder} ...");
    var cases = GeneratedCases.Write(folder, 3, caseShape);
    Console.WriteLine($"Processor count: {Environment.ProcessorCount}; {secondsPerRow:0} s per row after 2 warm-up batches.");
    Console.WriteLine();
    Console.WriteLine("| patch | sampled patch | augmentation | workers | batches/s | patches/s | ms/batch |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    foreach (var edge in new[] { 64, 128 })
    {
        var patch = new Shape3(edge, edge, edge);
        foreach (var augmented in new[] { true, false })
        {
            foreach (var workers in new[] { 1, 2 })
            {
                var options = new BatchLoaderOptions
                {
                    BatchSize = 2,
                    PatchSize = patch,
                    Seed = 1,
                    Workers = workers,
                    QueueCapacity = 4,
                    Augmentation = augmented ? AugmentationSettings.NnUNet(patch) : null,
                };
                using var loader = new BatchLoader(cases, options);
                loader.Take();
                loader.Take();
                var clock = Stopwatch.StartNew();
                var batches = 0;
                while (clock.Elapsed.TotalSeconds < secondsPerRow)
                {
                    loader.Take();
                    batches++;
                }
                var seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"| {patch} | {loader.SampledPatchSize} | {(augmented ? "nnU-Net" : "none")} | {workers} | {batches / seconds:0.00} | {2 * batches / seconds:0.00} | {1000 * seconds / batches:0} |");
            }
        }
    }
    foreach (var c in cases)
        c.Dispose();
}
finally
{
    if (Directory.Exists(folder))
        Directory.Delete(folder, recursive: true);
}
