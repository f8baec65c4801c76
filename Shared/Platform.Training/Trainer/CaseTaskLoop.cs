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
    /// <param name="stopAfterEpoch">Stops at the end of the current epoch, unless it is the last (<see cref="OperationCanceledException"/>).
    /// A case-level run keeps no optimiser checkpoint, so a stopped one starts again from its first epoch.</param>
    /// <returns>Mean training loss per epoch, and the steps skipped for non-finite gradients.</returns>
    public static (double[] EpochLosses, int SkippedSteps) Run(nn.Module network, CaseTaskOptions options, Func<Tensor> batchLoss, IProgress<IterationReport>? progress,
        CancellationToken cancellationToken = default, CancellationToken stopAfterEpoch = default)
    {
        if (options.Threads is int threads)
            set_num_threads(threads);
        using var optimizer = TrainingOptimizer.Create(network, options.Optimization, options.Epochs, options.IterationsPerEpoch);
        var epochLosses = new double[options.Epochs];
        long index = 0;
        network.train();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            double sum = 0;
            for (int iteration = 0; iteration < options.IterationsPerEpoch; iteration++, index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                double rate = optimizer.SetLearningRate(epoch, iteration);
                optimizer.ZeroGradients();
                var loss = batchLoss();
                loss.backward();
                double norm = optimizer.Step();
                double value = loss.item<float>();
                sum += value;
                progress?.Report(new IterationReport(epoch, iteration, index, value, rate, norm));
            }

            epochLosses[epoch] = sum / options.IterationsPerEpoch;
            if (epoch < options.Epochs - 1)
                stopAfterEpoch.ThrowIfCancellationRequested();
        }

        network.eval();
        return (epochLosses, optimizer.SkippedSteps);
    }
}
