// Training benchmarks, figures only (no pass/fail).
//
//   dotnet run -c Release --project tests/Platform.Training.Benchmarks -- [--patch 32] [--batch 2] [--channels 1]
//       [--classes 3] [--features 16,32,64,128] [--threads 2] [--warmup 2] [--steps 5] [--python /usr/bin/python3]
//     One run: a training step of our U-Net (TorchSharp) and of the same network in PyTorch (same threads, batch and
//     patch: forward with deep supervision, Dice + CE, backward, clipping at 12, SGD Nesterov), one after the other;
//     then the batch loader at that batch and patch with nnU-Net's full augmentation, against what the trainer consumes.
//   ... -- --loader-table [--quick]   the loader alone: 64³ and 128³, with/without augmentation, 1 and 2 workers
//   ... -- --components [--quick]     each augmentation on one channel, single-threaded
//   ... -- --predict [--image 512,512,300] [--tile 128,128,128] [--features 8,16,32,64,128] [--classes 3] [--no-mirror]
//          [--step 0.5] [--tile-batch 2] [--threads 2]
//     The predictor: one CT-sized image by sliding window with mirroring, our SlidingWindowInference + argmax against
//     the same network and arithmetic in PyTorch (sliding_window_predict.py, its own process), same threads; seconds,
//     the ratio, and each process's peak resident memory.
using System.Globalization;
using Platform.Imaging.Volumes;
using Platform.Training.Benchmarks;

var quick = args.Contains("--quick");
if (args.Contains("--predict"))
{
    PredictionComparison.Print(PredictionSettings.Parse(args));
    return;
}

if (args.Contains("--components"))
{
    ComponentTimings.Print(new Shape3(64, 64, 64), quick ? 5 : 20);
    ComponentTimings.Print(new Shape3(128, 128, 128), quick ? 2 : 5);
    return;
}

var folder = Path.Combine(Path.GetTempPath(), "training-benchmark-" + Guid.NewGuid().ToString("N"));
try
{
    if (args.Contains("--loader-table"))
    {
        var shape = quick ? new Shape3(160, 160, 96) : new Shape3(256, 256, 160);
        Console.WriteLine($"Loader: 3 generated cases of {shape} (1 channel, float32), batch 2, {(quick ? 3 : 10)} s per row.");
        var tableCases = GeneratedCases.Write(folder, 3, shape);
        LoaderThroughput.PrintTable(tableCases, quick ? 3 : 10);
        tableCases.ForEach(c => c.Dispose());
        return;
    }

    var settings = BenchmarkSettings.Parse(args.Where(a => a != "--quick").ToArray());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"U-Net training step: batch {settings.Batch} x {settings.Channels} channel(s) x {settings.Patch}^3, {settings.Classes} classes, " +
        $"features [{string.Join(", ", settings.Features)}], {settings.Threads} thread(s), {settings.Warmup} warm-up + {settings.Steps} timed steps"));
    var ours = OurTrainingStep.Measure(settings);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TorchSharp (libtorch 2.10): {ours.MillisecondsPerStep,9:F1} ms/step  ({ours.Parameters:N0} parameters)"));
    var theirs = PyTorchTrainingStep.Measure(settings);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PyTorch {theirs.Version,-18}: {theirs.MillisecondsPerStep,9:F1} ms/step  ({theirs.Parameters:N0} parameters)"));
    if (ours.Parameters != theirs.Parameters)
        Console.WriteLine("WARNING: the parameter counts differ, so the two networks are not the same architecture.");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio TorchSharp / PyTorch: {ours.MillisecondsPerStep / theirs.MillisecondsPerStep:F2}"));

    var patch = new Shape3(settings.Patch, settings.Patch, settings.Patch);
    var cases = GeneratedCases.Write(folder, 3, new Shape3(4 * settings.Patch, 4 * settings.Patch, 3 * settings.Patch));
    var loaderRate = LoaderThroughput.BatchesPerSecond(cases, patch, settings.Batch, settings.Threads, augmented: true, seconds: 10, out var sampled);
    cases.ForEach(c => c.Dispose());
    var consumed = 1000 / ours.MillisecondsPerStep;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Loader, nnU-Net augmentation (sampled at {sampled}), {settings.Threads} worker(s): {loaderRate:F1} batches/s = {loaderRate * settings.Batch:F1} patches/s; " +
        $"the trainer consumes {consumed:F2} batches/s; loader / trainer: {loaderRate / consumed:F1}x"));
}
finally
{
    if (Directory.Exists(folder))
        Directory.Delete(folder, recursive: true);
}
