using System.Diagnostics;
using Platform.Plans.Tasks;
using Platform.Training.Checkpoints;
using Platform.Training.Data;
using Platform.Training.Evaluation;
using Platform.Training.FineTuning;
using Platform.Training.Inference;
using Platform.Training.Networks;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Workflow;

/// <summary>
/// One fold of a classification or regression plan: the same fold as <see cref="FoldTraining"/> (its cases, network
/// encoder, patch, batch, seed, epochs and iterations), trained as whole cases with a pooled head on the encoder
/// (<see cref="TargetTrainer"/>), then every validation case predicted (<see cref="CaseTargetPredictor"/>) and scored
/// against the table. The final weights are written as <see cref="FinalCheckpointFileName"/> under <c>checkpoints/</c>.
/// </summary>
public static class TargetFoldTraining
{
    public const string FinalCheckpointFileName = "checkpoint_final.ckpt";

    /// <param name="request">The fold, as the plan gives it for segmentation; its label classes are not used.</param>
    /// <param name="targets">The fold's table: every training case must have a usable row.</param>
    /// <param name="epochs">Told after each epoch (training loss and learning rate; no validation loss or pseudo-Dice).</param>
    /// <param name="iterations">Told after each training step.</param>
    /// <param name="cancellationToken">Stops at the next step.</param>
    /// <param name="stopAfterEpoch">Stops at the end of the current epoch (a pause). The latest state is kept under
    /// <c>checkpoints/</c> after every epoch, so the fold run again continues after its last whole epoch.</param>
    /// <exception cref="OperationCanceledException">Stopped by either token.</exception>
    /// <exception cref="ArgumentException">A training case without a usable row, or a table of another task (from <see cref="TargetTrainer"/>).</exception>
    public static TargetFoldResult Run(
        FoldTrainingRequest request,
        CaseTargetTable targets,
        IProgress<EpochReport>? epochs = null,
        IProgress<IterationReport>? iterations = null,
        CancellationToken cancellationToken = default,
        CancellationToken stopAfterEpoch = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(targets);
        request.Validate();
        if (!targets.Kind.HasTargetTable())
            throw new ArgumentException($"A {targets.Kind} table has no targets to train on.", nameof(targets));
        var device = request.Device ?? CPU;
        var checkpoint = Path.Combine(Directory.CreateDirectory(FoldTraining.CheckpointFolderOf(request.OutputFolder)).FullName, FinalCheckpointFileName);
        var training = FoldTraining.OpenCases(request.PreprocessedFolder, request.TrainingCases, withLocations: false);
        var validation = FoldTraining.OpenCases(request.PreprocessedFolder, request.ValidationCases, withLocations: false);
        try
        {
            manual_seed(request.Seed);
            var settings = request.TargetHead;
            var head = settings.HeadFor(targets.Kind, targets.ClassNames.Count);
            using var network = ClassificationRegressionNetwork.Create(request.Network, head, device);
            var options = new TargetTrainerOptions
            {
                Epochs = request.Trainer.Epochs,
                IterationsPerEpoch = request.Trainer.IterationsPerEpoch,
                PatchSize = request.PatchSize,
                BatchSize = request.BatchSize,
                Seed = unchecked((int)request.Seed),
                Threads = request.Trainer.Threads,
                CheckpointPath = checkpoint,
                Optimization = settings.Optimization,
                RegressionLoss = settings.RegressionLoss,
                HuberDelta = settings.HuberDelta,
                // The segmentation trainer's latest-checkpoint name: the executor finds the epoch to resume from the same way for both.
                LatestCheckpointPath = Path.Combine(Path.GetDirectoryName(checkpoint)!, CheckpointStore.LastFileName),
            };
            // A fine-tuning takes its encoder before the first epoch; resumed, every weight comes from its own latest checkpoint.
            var transfer = request.EncoderCheckpoint is { } encoder && !File.Exists(options.LatestCheckpointPath)
                ? EncoderTransfer.ApplyFrom(encoder, network) : null;
            var meter = new EpochMeter(options.Epochs, options.IterationsPerEpoch, epochs, iterations);
            var trained = TargetTrainer.Train(network, [.. training.Cast<ITrainingCase>()], targets, options, device, meter, cancellationToken, stopAfterEpoch);
            var predictions = CaseTargetPredictor.Predict(network, [.. validation.Cast<ITrainingCase>()], request.PatchSize, device, request.BatchSize);
            return new TargetFoldResult(trained, TargetScoring.Results(targets, predictions), checkpoint) { EncoderTransfer = transfer };
        }
        finally
        {
            foreach (var c in training.Concat(validation))
                c.Dispose();
        }
    }

    /// <summary>Passes steps on and, after an epoch's last step, reports the epoch's mean loss.</summary>
    private sealed class EpochMeter(int epochs, int iterationsPerEpoch, IProgress<EpochReport>? epochReports, IProgress<IterationReport>? steps) : IProgress<IterationReport>
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private double sum;
        private int skipped;

        public void Report(IterationReport value)
        {
            steps?.Report(value);
            sum += value.Loss;
            if (!double.IsFinite(value.GradientNorm))
                skipped++;
            if (value.Iteration != iterationsPerEpoch - 1)
                return;
            double seconds = clock.Elapsed.TotalSeconds;
            epochReports?.Report(new EpochReport(value.Epoch, epochs, sum / iterationsPerEpoch, double.NaN, [], double.NaN, double.NaN, false,
                value.LearningRate, seconds, iterationsPerEpoch / Math.Max(seconds, 1e-9), TimeSpan.FromSeconds(seconds * (epochs - value.Epoch - 1)), skipped));
            sum = 0;
            skipped = 0;
            clock.Restart();
        }
    }
}
