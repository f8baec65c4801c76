namespace Platform.Training.Trainer;

/// <summary>Where a run continues: the next iteration to run and the index of the batch it takes.</summary>
/// <param name="Epoch">0-based epoch (equal to the run's epoch count when it is finished).</param>
/// <param name="Iteration">0-based iteration within <paramref name="Epoch"/>.</param>
/// <param name="TrainingBatchIndex">The batch source's next index.</param>
public sealed record TrainingPosition(int Epoch, int Iteration, long TrainingBatchIndex)
{
    public static TrainingPosition Start { get; } = new(0, 0, 0);
}
