using Platform.Training.Checkpoints;
using Platform.Training.Optimization;
using static TorchSharp.torch;

namespace Platform.Training.Trainer;

/// <summary>
/// The epochs × iterations loop of case-level trainings: learning rate for the position, one batch's loss, backward,
/// a clipped step (non-finite steps skipped, as in the segmentation trainer), losses averaged per epoch. What a batch
/// holds and how its loss is computed is the caller's.
/// </summary>
internal static class CaseTaskLoop
{
    /// <param name="network">On its device, in training mode.</param>
    /// <param name="options">Run length and optimisation.</param>
    /// <param name="batchLoss">The loss of the next batch (called once per iteration, inside a dispose scope).</param>
    /// <param name="progress">Told after each step.</param>
    /// <param name="cancellationToken">Stops at the next step (<see cref="OperationCanceledException"/>).</param>
    /// <param name="stopAfterEpoch">Stops at the end of the current epoch, unless it is the last (<see cref="OperationCanceledException"/>).</param>
    /// <param name="resume">Where the latest state is kept after every epoch and, when there is one, continued from; null keeps none,
    /// so a stopped training starts again from its first epoch.</param>
    /// <returns>Mean training loss per epoch (the resumed epochs' from the checkpoint), and the steps skipped for non-finite
    /// gradients since the last start.</returns>
    /// <exception cref="Checkpoints.CheckpointCorruptException">The latest checkpoint cannot be read.</exception>
    /// <exception cref="InvalidOperationException">The latest checkpoint is of another task, network or head.</exception>
    public static (double[] EpochLosses, int SkippedSteps) Run(nn.Module network, CaseTaskOptions options, Func<Tensor> batchLoss, IProgress<IterationReport>? progress,
        CancellationToken cancellationToken = default, CancellationToken stopAfterEpoch = default, CaseTaskResume? resume = null)
    {
        if (options.Threads is int threads)
            set_num_threads(threads);
        using var optimizer = TrainingOptimizer.Create(network, options.Optimization, options.Epochs, options.IterationsPerEpoch);
        var epochLosses = new double[options.Epochs];
        var history = new List<EpochReport>();
        long index = 0;
        int first = 0;
        if (resume is not null && File.Exists(resume.Path))
        {
            var state = CheckpointFile.ReadToResume(resume.Path, network, resume.Description, resume.Task, resume.Head, optimizer);
            first = Math.Min(state.Position.Epoch, options.Epochs);
            index = state.Position.TrainingBatchIndex;
            history.AddRange(state.History.Take(first));
            foreach (var epoch in history)
                epochLosses[epoch.Epoch] = epoch.TrainLoss;
            resume.SkipBatches(index);
        }

        network.train();
        for (int epoch = first; epoch < options.Epochs; epoch++)
        {
            double sum = 0;
            double rate = 0;
            for (int iteration = 0; iteration < options.IterationsPerEpoch; iteration++, index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                rate = optimizer.SetLearningRate(epoch, iteration);
                optimizer.ZeroGradients();
                var loss = batchLoss();
                loss.backward();
                double norm = optimizer.Step();
                double value = loss.item<float>();
                sum += value;
                progress?.Report(new IterationReport(epoch, iteration, index, value, rate, norm));
            }

            epochLosses[epoch] = sum / options.IterationsPerEpoch;
            if (resume is not null)
            {
                history.Add(new EpochReport(epoch, options.Epochs, epochLosses[epoch], double.NaN, [], double.NaN, double.NaN, false,
                    rate, 0, 0, TimeSpan.Zero));
                WriteLatest(resume, network, optimizer, options, new TrainingPosition(epoch + 1, 0, index), history);
            }

            if (epoch < options.Epochs - 1)
                stopAfterEpoch.ThrowIfCancellationRequested();
        }

        network.eval();
        return (epochLosses, optimizer.SkippedSteps);
    }

    private static void WriteLatest(CaseTaskResume resume, nn.Module network, TrainingOptimizer optimizer, CaseTaskOptions options, TrainingPosition position, List<EpochReport> history)
    {
        var state = new CheckpointState(resume.Description, options.Optimization.Kind, options.Epochs, options.IterationsPerEpoch, position,
            0, 0, null, null, null, [.. history], DateTimeOffset.UtcNow, resume.Task, resume.Head);
        CheckpointFile.Write(resume.Path, state, network, optimizer);
    }
}
