using Platform.Training.Checkpoints;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Support;

/// <summary>Checkpoints of the two-stage tiny network for tests of the checkpoint files themselves (4 epochs × 3 iterations).</summary>
internal static class CheckpointStates
{
    public static CheckpointState At(NetworkDescription network, TrainingPosition position) =>
        new(network, OptimizerKind.SgdNesterov, 4, 3, position, 0, 0, null, null, null, [], DateTimeOffset.UnixEpoch);

    /// <summary>Writes a checkpoint of a seeded network with its optimiser at <paramref name="position"/> (the start when null).</summary>
    public static string Write(string path, TrainingPosition? position = null)
    {
        manual_seed(22);
        using var network = UNet.Create(TinyNetworks.TwoStage3D());
        using var optimizer = TrainingOptimizer.Create(network, new OptimizationOptions(), 4, 3);
        CheckpointFile.Write(path, At(network.Description, position ?? TrainingPosition.Start), network, optimizer);
        return path;
    }
}
