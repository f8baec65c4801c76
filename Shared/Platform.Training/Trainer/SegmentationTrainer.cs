using Platform.Training.Checkpoints;
using Platform.Training.Data;
using Platform.Training.Losses;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Training.Trainer;

/// <summary>
/// Runs epochs × iterations of training on one device, validates at each epoch end, keeps <c>last</c> and
/// <c>best</c> checkpoints and resumes from <c>last</c>. A run is a pure function of the network's initial weights
/// and the batch sequences: batches come from factories opened at an index (the checkpoint's position on resume),
/// the learning rate is a function of the position, and nothing else on the torch side draws random numbers, so
/// an interrupted and resumed run repeats an uninterrupted one step for step on a deterministic device.
/// Two ways to stop early, both writing <c>last</c> so a later call resumes: cancellation stops at the current iteration
/// (a silo stopping, a cancel), and a stop-after-epoch request (a person's pause) lets the current epoch finish, be
/// validated and reported, then stops with <c>last</c> holding that epoch.
/// </summary>
public sealed class SegmentationTrainer
{
    private readonly UNet network;
    private readonly TrainerOptions options;
    private readonly Func<long, IBatchSource> trainingBatches;
    private readonly Func<long, IBatchSource> validationBatches;
    private readonly CheckpointStore checkpoints;
    private readonly Device device;
    private readonly TimeProvider time;

    /// <param name="network">The network; the trainer moves it to <paramref name="device"/> and never disposes it.</param>
    /// <param name="options">Run settings.</param>
    /// <param name="trainingBatches">Opens the training batch sequence at a batch index.</param>
    /// <param name="validationBatches">Opens the validation batch sequence at a batch index; epoch e validates on batches
    /// [e·V, (e+1)·V) so every epoch sees new batches and a resumed run sees the same ones.</param>
    /// <param name="checkpoints">Where <c>last</c> and <c>best</c> live.</param>
    /// <param name="device">Where to train.</param>
    /// <param name="time">Clock for the checkpoint interval and epoch timings (the system clock when null).</param>
    public SegmentationTrainer(
        UNet network,
        TrainerOptions options,
        Func<long, IBatchSource> trainingBatches,
        Func<long, IBatchSource> validationBatches,
        CheckpointStore checkpoints,
        Device device,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(trainingBatches);
        ArgumentNullException.ThrowIfNull(validationBatches);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(device);
        options.Validate();
        this.network = network;
        this.options = options;
        this.trainingBatches = trainingBatches;
        this.validationBatches = validationBatches;
        this.checkpoints = checkpoints;
        this.device = device;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Trains until the last epoch or until <paramref name="cancellationToken"/> fires (then writes
    /// <c>last</c> and returns with <see cref="TrainingOutcome.Completed"/> false).</summary>
    /// <param name="epochProgress">Told after each epoch (after its checkpoint, if any, is on disk).</param>
    /// <param name="iterationProgress">Told after each training step.</param>
    /// <param name="cancellationToken">Stops at the current iteration.</param>
    /// <param name="stopAfterEpoch">Stops at the end of the current epoch: it is validated, reported and written to
    /// <c>last</c> first. Ignored during the last epoch, which completes the run anyway.</param>
    /// <exception cref="CheckpointCorruptException">The last checkpoint exists but cannot be read.</exception>
    /// <exception cref="InvalidOperationException">The last checkpoint belongs to another network or run length,
    /// or a batch source yields batches out of order.</exception>
    public TrainingOutcome Run(
        IProgress<EpochReport>? epochProgress = null,
        IProgress<IterationReport>? iterationProgress = null,
        CancellationToken cancellationToken = default,
        CancellationToken stopAfterEpoch = default)
    {
        if (options.Threads is int threads)
            set_num_threads(threads);
        network.to(device);
        using var optimizer = TrainingOptimizer.Create(network, options.Optimization, options.Epochs, options.IterationsPerEpoch);
        var run = new RunProgress();
        if (options.ResumeFromLastCheckpoint && checkpoints.HasLast)
            run = RunProgress.From(Resume(optimizer));

        long lastWrite = time.GetTimestamp();
        var epochSeconds = new List<double>();
        if (run.Position.Epoch >= options.Epochs)
            return run.Outcome(completed: true);

        var trainingLoss = new DeepSupervisionLoss(new DiceCrossEntropyLoss(options.Loss));
        using var source = trainingBatches(run.Position.TrainingBatchIndex);
        if (source.NextIndex != run.Position.TrainingBatchIndex)
            throw new InvalidOperationException(
                $"The training batch source opened at index {run.Position.TrainingBatchIndex} reports next index {source.NextIndex}.");

        int firstIteration = run.Position.Iteration;
        for (int epoch = run.Position.Epoch; epoch < options.Epochs; epoch++)
        {
            long epochStart = time.GetTimestamp();
            int skippedBefore = optimizer.SkippedSteps;
            int iterationsRun = 0;
            double learningRate = double.NaN;
            network.train();
            for (int iteration = firstIteration; iteration < options.IterationsPerEpoch; iteration++)
            {
                long index = run.Position.TrainingBatchIndex;
                if (cancellationToken.IsCancellationRequested)
                    return Pause(run, optimizer);
                learningRate = optimizer.SetLearningRate(epoch, iteration);
                TrainingBatch batch;
                try
                {
                    batch = source.Take(cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return Pause(run, optimizer);
                }
                if (batch.Index != index)
                    throw new InvalidOperationException($"The training batch source returned batch {batch.Index} where batch {index} was due.");

                var (loss, gradientNorm) = TrainStep(batch, trainingLoss, optimizer);
                run.EpochLossSum += loss;
                run.EpochLossCount++;
                iterationsRun++;
                run.Position = new TrainingPosition(epoch, iteration + 1, index + 1);
                iterationProgress?.Report(new IterationReport(epoch, iteration, index, loss, learningRate, gradientNorm));

                if (iteration + 1 < options.IterationsPerEpoch && time.GetElapsedTime(lastWrite) >= options.Checkpoints.Interval)
                {
                    checkpoints.WriteLast(run.State(this), network, optimizer);
                    lastWrite = time.GetTimestamp();
                }
            }
            firstIteration = 0;

            var (validationLoss, pseudoDice) = Validate(epoch);
            double meanDice = PseudoDice.Mean(pseudoDice);
            if (!double.IsNaN(meanDice))
                run.Ema = run.Ema is double old ? options.PseudoDiceEmaDecay * old + (1 - options.PseudoDiceEmaDecay) * meanDice : meanDice;
            bool isBest = run.Ema is double ema && (run.BestEma is null || ema > run.BestEma);
            double trainLoss = run.EpochLossCount > 0 ? run.EpochLossSum / run.EpochLossCount : double.NaN;
            run.Position = new TrainingPosition(epoch + 1, 0, run.Position.TrainingBatchIndex);
            run.EpochLossSum = 0;
            run.EpochLossCount = 0;
            if (isBest)
            {
                run.BestEma = run.Ema;
                run.BestEpoch = epoch;
            }

            double seconds = time.GetElapsedTime(epochStart).TotalSeconds;
            epochSeconds.Add(seconds);
            var report = new EpochReport(
                epoch, options.Epochs, trainLoss, validationLoss, pseudoDice, meanDice, run.Ema ?? double.NaN, isBest,
                learningRate, seconds, seconds > 0 ? iterationsRun / seconds : double.NaN,
                TimeSpan.FromSeconds(epochSeconds.Average() * (options.Epochs - epoch - 1)),
                optimizer.SkippedSteps - skippedBefore);
            run.History.Add(report);

            if (isBest)
                checkpoints.WriteBest(run.State(this), network, optimizer);
            bool stopping = stopAfterEpoch.IsCancellationRequested && epoch + 1 < options.Epochs;
            if (stopping || (epoch + 1) % options.Checkpoints.EveryEpochs == 0 || epoch + 1 == options.Epochs
                || time.GetElapsedTime(lastWrite) >= options.Checkpoints.Interval)
            {
                checkpoints.WriteLast(run.State(this), network, optimizer);
                lastWrite = time.GetTimestamp();
            }
            epochProgress?.Report(report);
            if (stopping)
                return run.Outcome(completed: false);
        }
        return run.Outcome(completed: true);
    }

    private CheckpointState Resume(TrainingOptimizer optimizer)
    {
        var state = checkpoints.ReadLast(network, optimizer);
        if (state.Epochs != options.Epochs || state.IterationsPerEpoch != options.IterationsPerEpoch)
            throw new InvalidOperationException(
                $"Checkpoint '{checkpoints.LastPath}' belongs to a run of {state.Epochs} epochs × {state.IterationsPerEpoch} iterations; " +
                $"this run has {options.Epochs} × {options.IterationsPerEpoch}. Start a new run in another folder to change them.");
        return state;
    }

    private TrainingOutcome Pause(RunProgress run, TrainingOptimizer optimizer)
    {
        checkpoints.WriteLast(run.State(this), network, optimizer);
        return run.Outcome(completed: false);
    }

    private (double Loss, double GradientNorm) TrainStep(TrainingBatch batch, DeepSupervisionLoss loss, TrainingOptimizer optimizer)
    {
        using var scope = NewDisposeScope();
        var (images, labels) = BatchTensors.ToDevice(batch, network.Description, device);
        optimizer.ZeroGradients();
        var outputs = network.forward(images);
        var value = loss.Compute(outputs, labels);
        value.backward();
        double gradientNorm = optimizer.Step();
        return (value.item<float>(), gradientNorm);
    }

    private (double Loss, double[] PseudoDice) Validate(int epoch)
    {
        network.eval();
        var loss = new DiceCrossEntropyLoss(options.Loss);
        var dice = new PseudoDice(network.Description.Classes);
        double lossSum = 0;
        long firstIndex = (long)epoch * options.ValidationBatches;
        using var source = validationBatches(firstIndex);
        using (no_grad())
        {
            for (int b = 0; b < options.ValidationBatches; b++)
            {
                using var scope = NewDisposeScope();
                var batch = source.Take();
                if (batch.Index != firstIndex + b)
                    throw new InvalidOperationException($"The validation batch source returned batch {batch.Index} where batch {firstIndex + b} was due.");
                var (images, labels) = BatchTensors.ToDevice(batch, network.Description, device);
                var logits = network.Segment(images);
                lossSum += loss.Compute(logits, labels).item<float>();
                dice.Add(logits, labels);
            }
        }
        network.train();
        return (lossSum / options.ValidationBatches, dice.PerClass());
    }

    /// <summary>The mutable part of a run, and its conversion to and from a checkpoint.</summary>
    private sealed class RunProgress
    {
        public TrainingPosition Position { get; set; } = TrainingPosition.Start;

        public double EpochLossSum { get; set; }

        public int EpochLossCount { get; set; }

        public double? Ema { get; set; }

        public double? BestEma { get; set; }

        public int? BestEpoch { get; set; }

        public List<EpochReport> History { get; } = [];

        public static RunProgress From(CheckpointState state)
        {
            var run = new RunProgress
            {
                Position = state.Position,
                EpochLossSum = state.EpochLossSum,
                EpochLossCount = state.EpochLossCount,
                Ema = state.PseudoDiceEma,
                BestEma = state.BestPseudoDiceEma,
                BestEpoch = state.BestEpoch,
            };
            run.History.AddRange(state.History);
            return run;
        }

        public CheckpointState State(SegmentationTrainer trainer) => new(
            trainer.network.Description, trainer.options.Optimization.Kind, trainer.options.Epochs, trainer.options.IterationsPerEpoch,
            Position, EpochLossSum, EpochLossCount, Ema, BestEma, BestEpoch, History.ToArray(), trainer.time.GetUtcNow());

        public TrainingOutcome Outcome(bool completed) => new(completed, Position, History.ToArray(), BestEma, BestEpoch);
    }
}
