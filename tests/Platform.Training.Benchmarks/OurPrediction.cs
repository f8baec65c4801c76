using System.Diagnostics;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Planning;
using Platform.Training.Inference;
using Platform.Training.Networks;
using static TorchSharp.torch;

namespace Platform.Training.Benchmarks;

/// <summary>
/// Times our predictor's core on one image: <see cref="SlidingWindowInference"/> (padding, nnU-Net's tile starts,
/// Gaussian weights, mirrored passes, logit accumulation) and the argmax, with an untrained network of the plan's shape.
/// </summary>
internal static class OurPrediction
{
    public static (double Seconds, long Parameters, long Tiles, double PeakGiB) Measure(PredictionSettings s)
    {
        set_num_threads(s.Threads);
        manual_seed(0);
        var stages = s.Features.Select((f, i) => new NetworkStage(f, [3, 3, 3], i == 0 ? [1, 1, 1] : [2, 2, 2], 2)).ToArray();
        using var network = UNet.Create(new NetworkDescription(NetworkArchitecture.PlainUNet, 1, s.Classes, stages));
        network.eval();
        var settings = new SlidingWindowSettings
        {
            PatchSize = s.Patch,
            StepFraction = s.Step,
            MirrorAxes = s.Mirror ? SlidingWindowSettings.AllAxes : [],
            TileBatchSize = s.TileBatch,
        };
        var image = new float[s.Image.VoxelCount];
        var random = new Random(0);
        for (var i = 0; i < image.Length; i++)
            image[i] = (float)(random.NextDouble() * 2 - 1);

        var watch = Stopwatch.StartNew();
        var maps = SlidingWindowInference.Predict(image, 1, s.Image, network.Segment, settings);
        var labels = maps.Argmax(VolumeGeometry.Identity(s.Image));
        watch.Stop();
        GC.KeepAlive(labels);
        var tiles = new[] { (s.Image.X, s.Patch.X), (s.Image.Y, s.Patch.Y), (s.Image.Z, s.Patch.Z) }
            .Aggregate(1L, (n, axis) => n * SlidingWindowSteps.Starts(Math.Max(axis.Item1, axis.Item2), axis.Item2, s.Step).Length);
        return (watch.Elapsed.TotalSeconds, network.parameters().Sum(p => p.numel()), tiles, PeakResidentGiB());
    }

    /// <summary>The process's peak resident set (VmHWM), as the kernel counts it.</summary>
    private static double PeakResidentGiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }
}
