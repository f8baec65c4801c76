namespace Platform.Training.Trainer;

/// <summary>When the <c>last</c> checkpoint is written. It is also written when the run ends or is cancelled; the
/// <c>best</c> checkpoint is written whenever the pseudo-Dice moving average improves.</summary>
/// <param name="EveryEpochs">Write at the end of every this many epochs (nnU-Net: 50).</param>
/// <param name="Interval">Write when this much time has passed since the last write, checked after every iteration,
/// so a preempted run loses at most about this much work.</param>
public sealed record CheckpointPolicy(int EveryEpochs, TimeSpan Interval)
{
    public static CheckpointPolicy Default { get; } = new(50, TimeSpan.FromMinutes(15));

    public void Validate()
    {
        if (EveryEpochs < 1)
            throw new ArgumentException($"Checkpoints every {EveryEpochs} epochs: it must be at least 1.");
        if (Interval <= TimeSpan.Zero)
            throw new ArgumentException($"The checkpoint interval must be positive (got {Interval}).");
    }
}
