using System.Diagnostics;
using Platform.Preprocessing.Planning;
using Platform.Training.Losses;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using static TorchSharp.torch;

namespace Platform.Training.Benchmarks;

/// <summary>Times our training step: forward with deep supervision, Dice + CE loss, backward, clipping, SGD.</summary>
internal static class OurTrainingStep
{
    public static (double MillisecondsPerStep, long Parameters) Measure(BenchmarkSettings s)
    {
        set_num_threads(s.Threads);
        manual_seed(0);
        var stages = s.Features.Select((f, i) => new NetworkStage(f, [3, 3, 3], i == 0 ? [1, 1, 1] : [2, 2, 2], 2)).ToArray();
        using var network = UNet.Create(new NetworkDescription(NetworkArchitecture.PlainUNet, s.Channels, s.Classes, stages));
        network.train();
        using var optimizer = TrainingOptimizer.Create(network, new OptimizationOptions(), 1000, 250);
        var loss = new DeepSupervisionLoss(new DiceCrossEntropyLoss(new LossOptions()));
        using var images = randn([s.Batch, s.Channels, s.Patch, s.Patch, s.Patch]);
        using var labels = randint(0, s.Classes, [s.Batch, 1, s.Patch, s.Patch, s.Patch], ScalarType.Int64);

        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.SetLearningRate(0, 0);
            optimizer.ZeroGradients();
            var value = loss.Compute(network.forward(images), labels);
            value.backward();
            optimizer.Step();
            _ = value.item<float>();
        }

        for (int i = 0; i < s.Warmup; i++)
            Step();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < s.Steps; i++)
            Step();
        return (watch.Elapsed.TotalMilliseconds / s.Steps, network.parameters().Sum(p => p.numel()));
    }
}
