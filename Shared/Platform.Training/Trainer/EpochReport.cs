namespace Platform.Training.Trainer;

/// <summary>What the trainer reports at the end of each epoch; also the checkpoint's metric history.</summary>
/// <param name="Epoch">0-based epoch that just ended.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's iterations.</param>
/// <param name="ValidationLoss">Mean loss of the full-resolution output over the validation batches.</param>
/// <param name="PseudoDice">Per foreground class (class 1 first): 2TP / (2TP + FP + FN) with TP, FP, FN summed over
/// all validation batches; NaN when a class is absent from both prediction and reference.</param>
/// <param name="MeanPseudoDice">Mean of the non-NaN entries of <paramref name="PseudoDice"/> (NaN if none).</param>
/// <param name="PseudoDiceEma">Exponential moving average of <paramref name="MeanPseudoDice"/>; picks the best checkpoint.</param>
/// <param name="IsBest">This epoch raised the best moving average (and wrote the best checkpoint).</param>
/// <param name="LearningRate">Learning rate of the epoch's last iteration.</param>
/// <param name="EpochSeconds">Wall time of the epoch including validation (of its resumed part only after a resume).</param>
/// <param name="IterationsPerSecond">Training iterations per second in this epoch.</param>
/// <param name="EstimatedRemaining">Remaining epochs × mean epoch time of this session.</param>
/// <param name="SkippedSteps">Optimiser steps of this epoch skipped because their gradients were not finite.</param>
public sealed record EpochReport(
    int Epoch,
    int Epochs,
    double TrainLoss,
    double ValidationLoss,
    IReadOnlyList<double> PseudoDice,
    double MeanPseudoDice,
    double PseudoDiceEma,
    bool IsBest,
    double LearningRate,
    double EpochSeconds,
    double IterationsPerSecond,
    TimeSpan EstimatedRemaining,
    int SkippedSteps = 0);
