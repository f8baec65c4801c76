using Platform.Plans.Tasks;
using Platform.Training.Networks;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Checkpoints;

/// <summary>The checkpoint a finished classification, regression or pretraining run leaves: its network's weights,
/// tagged with the task and head so <see cref="CheckpointNetworks"/> can rebuild it. No optimiser state: a finished
/// case-level run is a starting point (for prediction or fine-tuning), not a run to resume.</summary>
public static class CaseTaskCheckpoint
{
    public static void Write(string path, nn.Module network, NetworkDescription description, TaskKind task, ClassificationRegressionHead? head, CaseTaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(options);
        if (task.HasTargetTable() != head is not null)
            throw new ArgumentException($"A {task} checkpoint {(head is null ? "needs" : "has no place for")} a pooled head.", nameof(head));
        var state = new CheckpointState(description, options.Optimization.Kind, options.Epochs, options.IterationsPerEpoch,
            new TrainingPosition(options.Epochs, 0, (long)options.Epochs * options.IterationsPerEpoch),
            0, 0, null, null, null, [], DateTimeOffset.UtcNow, task, head);
        CheckpointFile.Write(path, state, network, optimizer: null);
    }
}
