using Platform.Training.Plans;

namespace Platform.Training.Trainer;

/// <summary>Where a training is within its epoch, for people: the step just done, the measured time per step and what is left.</summary>
/// <param name="Epoch">0-based epoch being trained.</param>
/// <param name="IterationsDone">Steps of this epoch done (1 to <paramref name="IterationsPerEpoch"/>).</param>
/// <param name="IterationsPerEpoch">Steps per epoch.</param>
/// <param name="SecondsPerIteration">Measured seconds per step.</param>
/// <param name="EpochRemaining">Time left in this epoch: its remaining steps and its validation.</param>
/// <param name="RunRemaining">Time left in the run: this epoch's remainder and every later epoch at the same speed.</param>
public sealed record IterationProgress(
    int Epoch, int IterationsDone, int IterationsPerEpoch, double SecondsPerIteration, TimeSpan EpochRemaining, TimeSpan RunRemaining);

/// <summary>
/// Turns the trainer's per-step reports into <see cref="IterationProgress"/> at most once per interval, so a
/// training that takes seconds per step shows where it is without a report per step reaching the run grain.
/// Speed is measured per epoch (validation between epochs is not a training step); the first step of a run is
/// timed from the meter's creation, so it includes the network's warm-up and errs on the slow side. Remaining
/// time counts the validation steps as <see cref="TrainingCostEstimate.ValidationStepShare"/> of a training step,
/// the same assumption as the estimate shown before a run starts.
/// </summary>
public sealed class IterationProgressMeter : IProgress<IterationReport>
{
    private readonly int epochs;
    private readonly int iterationsPerEpoch;
    private readonly int validationBatches;
    private readonly TimeSpan interval;
    private readonly Action<IterationProgress> report;
    private readonly TimeProvider time;
    private readonly long created;
    private int epoch = -1;
    private long epochFirstStepAt;
    private int epochFirstStep;
    private double? secondsPerIteration;
    private long? reportedAt;

    /// <param name="epochs">Epochs of the run.</param>
    /// <param name="iterationsPerEpoch">Training steps per epoch.</param>
    /// <param name="validationBatches">Validation batches after each epoch.</param>
    /// <param name="interval">Least time between two reports.</param>
    /// <param name="report">Told on the training thread; keep it short.</param>
    /// <param name="time">The clock (the system clock when null).</param>
    public IterationProgressMeter(int epochs, int iterationsPerEpoch, int validationBatches, TimeSpan interval, Action<IterationProgress> report, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterationsPerEpoch, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(validationBatches);
        ArgumentNullException.ThrowIfNull(report);
        this.epochs = epochs;
        this.iterationsPerEpoch = iterationsPerEpoch;
        this.validationBatches = validationBatches;
        this.interval = interval;
        this.report = report;
        this.time = time ?? TimeProvider.System;
        created = this.time.GetTimestamp();
    }

    public void Report(IterationReport value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = time.GetTimestamp();
        if (value.Epoch != epoch)
        {
            // A new epoch (or a resumed run): its first step is timed from the previous rate, or from creation.
            epoch = value.Epoch;
            epochFirstStep = value.Iteration;
            epochFirstStepAt = now;
            secondsPerIteration ??= time.GetElapsedTime(created, now).TotalSeconds;
        }
        else if (value.Iteration > epochFirstStep)
        {
            secondsPerIteration = time.GetElapsedTime(epochFirstStepAt, now).TotalSeconds / (value.Iteration - epochFirstStep);
        }

        if (reportedAt is { } last && time.GetElapsedTime(last, now) < interval)
            return;
        reportedAt = now;
        report(Describe(value.Epoch, value.Iteration + 1, secondsPerIteration ?? 0));
    }

    private IterationProgress Describe(int currentEpoch, int done, double seconds)
    {
        var validation = validationBatches * TrainingCostEstimate.ValidationStepShare;
        var epochLeft = (iterationsPerEpoch - done + validation) * seconds;
        var laterEpochs = Math.Max(0, epochs - currentEpoch - 1) * (iterationsPerEpoch + validation) * seconds;
        return new IterationProgress(currentEpoch, done, iterationsPerEpoch, seconds, TimeSpan.FromSeconds(epochLeft), TimeSpan.FromSeconds(epochLeft + laterEpochs));
    }
}
