using Platform.Imaging.Volumes;
using Platform.Training.Checkpoints;
using Platform.Training.Networks;
using Platform.Training.Tests.Support;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Trainer;

/// <summary>A tiny 3D training setup: 2 stages (4, 8 features), 8³ patches, batch 2, 3 classes, deterministic batches.</summary>
internal static class TrainerHarness
{
    public const int Seed = 1234;
    public static readonly Shape3 Patch = new(8, 8, 8);

    public static TrainerOptions Options(int epochs = 4, int iterations = 3, CheckpointPolicy? policy = null) => new()
    {
        Epochs = epochs,
        IterationsPerEpoch = iterations,
        ValidationBatches = 1,
        Threads = 1,
        Checkpoints = policy ?? new CheckpointPolicy(100, TimeSpan.FromDays(1)),
    };

    /// <summary>The network every run starts from (seeded), or a differently initialised one to prove that resuming
    /// overwrites it.</summary>
    public static UNet Network(int initSeed = Seed)
    {
        manual_seed(initSeed);
        return UNet.Create(TinyNetworks.TwoStage3D(classes: 3));
    }

    public static SegmentationTrainer Trainer(UNet network, TrainerOptions options, string folder, TimeProvider? time = null) =>
        new(network, options,
            SyntheticBatchSource.Factory(Seed, 2, 1, Patch, 3),
            SyntheticBatchSource.Factory(Seed + 1, 2, 1, Patch, 3),
            new CheckpointStore(folder), CPU, time);
}
