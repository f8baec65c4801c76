using Platform.Plans.Tasks;
using Platform.Training.Checkpoints;
using Platform.Training.Data;
using Platform.Training.Losses;
using Platform.Training.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Training.Trainer;

/// <summary>
/// Trains a <see cref="ClassificationRegressionNetwork"/> on whole cases with their targets, read only from a
/// <see cref="CaseTargetTable"/>. Classification: cross-entropy weighted by inverse class frequency
/// (<see cref="ClassWeights"/>). Regression: MSE or Huber on targets standardised by the training targets' mean and
/// standard deviation, which the network keeps so its predictions come back in the table's units.
/// </summary>
public static class TargetTrainer
{
    /// <param name="network">A fresh or fine-tuned network; moved to <paramref name="device"/>, left in eval mode.</param>
    /// <param name="cases">The training cases (preprocessed; any shape, cropped or padded to the patch).</param>
    /// <param name="targets">The targets; must hold every training case and be of the network's task.</param>
    /// <param name="options">Run settings.</param>
    /// <param name="device">Where to train.</param>
    /// <param name="progress">Told after each step.</param>
    /// <param name="cancellationToken">Stops at the next step.</param>
    /// <param name="stopAfterEpoch">Stops at the end of the current epoch (a pause); with <see cref="CaseTaskOptions.LatestCheckpointPath"/>
    /// set, the next call continues after that epoch (see <see cref="CaseTaskLoop.Run"/>).</param>
    /// <exception cref="OperationCanceledException">Stopped by either token; nothing is written.</exception>
    /// <exception cref="ArgumentException">No cases, a case missing from the table, a table of another task or class
    /// count, a class without training cases, or a setting out of range.</exception>
    public static TargetTrainingResult Train(
        ClassificationRegressionNetwork network,
        IReadOnlyList<ITrainingCase> cases,
        CaseTargetTable targets,
        TargetTrainerOptions options,
        Device device,
        IProgress<IterationReport>? progress = null,
        CancellationToken cancellationToken = default,
        CancellationToken stopAfterEpoch = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(device);
        options.Validate();
        var head = network.Head;
        if (cases.Count == 0)
            throw new ArgumentException("A training needs at least one case.", nameof(cases));
        if (targets.Kind != head.Task)
            throw new ArgumentException($"The target table is for {targets.Kind}; the network's head is for {head.Task}.", nameof(targets));
        if (head.Task == TaskKind.Classification && targets.ClassNames.Count != head.Outputs)
            throw new ArgumentException(
                $"The target table has {targets.ClassNames.Count} classes ({string.Join(", ", targets.ClassNames)}); the network's head has {head.Outputs}.", nameof(targets));
        var rows = TargetsOf(cases, targets);

        double[] classWeights = [];
        var scaling = TargetScaling.Identity;
        float[] trainingTargets;
        if (head.Task == TaskKind.Classification)
        {
            var counts = new int[head.Outputs];
            foreach (var row in rows)
                counts[row.Class!.Value]++;
            classWeights = ClassWeights.InverseFrequency(counts, targets.ClassNames);
            trainingTargets = rows.Select(r => (float)r.Class!.Value).ToArray();
        }
        else
        {
            scaling = TargetScaling.Of(rows.Select(r => r.Value!.Value).ToArray());
            trainingTargets = rows.Select(r => (float)scaling.Standardise(r.Value!.Value)).ToArray();
        }

        network.SetTargetScaling(scaling);
        network.to(device);
        using var weights = classWeights.Length > 0 ? tensor(classWeights.Select(w => (float)w).ToArray()).to(device) : null;
        var order = new ShuffledCases(cases.Count, new Random(options.Seed));
        var description = network.Description;
        var (losses, skipped) = CaseTaskLoop.Run(network, options, () =>
        {
            var indices = order.Next(options.BatchSize);
            var images = BatchTensors.Images(WholeCaseInput.Batch(cases, indices, description.InputChannels, options.PatchSize),
                indices.Length, options.PatchSize, description, device);
            var output = network.forward(images);
            var values = tensor(indices.Select(i => trainingTargets[i]).ToArray()).to(device);
            return head.Task == TaskKind.Classification
                ? nn.functional.cross_entropy(output, values.to(ScalarType.Int64), weight: weights)
                : RegressionLoss.Compute(output, values, options.RegressionLoss, options.HuberDelta);
        }, progress, cancellationToken, stopAfterEpoch,
            options.LatestCheckpointPath is null ? null : new CaseTaskResume(options.LatestCheckpointPath, description, head.Task, head, batches =>
            {
                for (long b = 0; b < batches; b++)
                    order.Next(options.BatchSize);
            }));

        if (options.CheckpointPath is not null)
            CaseTaskCheckpoint.Write(options.CheckpointPath, network, description, head.Task, head, options);
        return new TargetTrainingResult(losses, classWeights, scaling, skipped);
    }

    private static CaseTarget[] TargetsOf(IReadOnlyList<ITrainingCase> cases, CaseTargetTable table)
    {
        var byCase = table.ByCase();
        var rows = new CaseTarget[cases.Count];
        for (int i = 0; i < cases.Count; i++)
        {
            if (!byCase.TryGetValue(cases[i].CaseId, out var row))
                throw new ArgumentException($"Training case '{cases[i].CaseId}' has no row in the target table.", nameof(cases));
            bool usable = table.Kind == TaskKind.Classification
                ? row.Class is int c && c >= 0 && c < table.ClassNames.Count
                : row.Value is double v && double.IsFinite(v);
            if (!usable)
                throw new ArgumentException(
                    $"Training case '{row.CaseId}' has no usable {(table.Kind == TaskKind.Classification ? "class" : "value")} in the target table (class {row.Class?.ToString() ?? "none"}, value {row.Value?.ToString() ?? "none"}).",
                    nameof(table));
            rows[i] = row;
        }

        return rows;
    }
}
