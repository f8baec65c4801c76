namespace Platform.Training.Trainer;

/// <summary>One training step.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="Iteration">0-based iteration within the epoch.</param>
/// <param name="BatchIndex">Index of the batch in the training batch sequence.</param>
/// <param name="Loss">The deep-supervision loss of the step.</param>
/// <param name="LearningRate">Learning rate used.</param>
/// <param name="GradientNorm">Total gradient norm before clipping; not finite when the step was skipped for non-finite gradients.</param>
public sealed record IterationReport(int Epoch, int Iteration, long BatchIndex, double Loss, double LearningRate, double GradientNorm);
