using Platform.Training.Losses;
using Platform.Training.Optimization;

namespace Platform.Training.Trainer;

/// <summary>Settings of one training run. Defaults are nnU-Net's where it has one.</summary>
public sealed record TrainerOptions
{
    /// <summary>Epochs in the run (nnU-Net: 1000).</summary>
    public required int Epochs { get; init; }

    /// <summary>Training iterations (batches) per epoch (nnU-Net: 250).</summary>
    public required int IterationsPerEpoch { get; init; }

    /// <summary>Validation batches at the end of each epoch (nnU-Net: 50).</summary>
    public int ValidationBatches { get; init; } = 50;

    public LossOptions Loss { get; init; } = new();

    public OptimizationOptions Optimization { get; init; } = new();

    public CheckpointPolicy Checkpoints { get; init; } = CheckpointPolicy.Default;

    /// <summary>
    /// Intra-op threads for libtorch (<c>torch.set_num_threads</c>); null leaves libtorch's setting alone. The
    /// setting is process-wide: one training per process, or the same value for all.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>Weight of the old value in the pseudo-Dice moving average (nnU-Net: 0.9).</summary>
    public double PseudoDiceEmaDecay { get; init; } = 0.9;

    /// <summary>Continue from the store's last checkpoint when there is one.</summary>
    public bool ResumeFromLastCheckpoint { get; init; } = true;

    /// <exception cref="ArgumentException">A setting out of range, named.</exception>
    public void Validate()
    {
        if (Epochs < 1)
            throw new ArgumentException($"Epochs must be at least 1 (got {Epochs}).");
        if (IterationsPerEpoch < 1)
            throw new ArgumentException($"Iterations per epoch must be at least 1 (got {IterationsPerEpoch}).");
        if (ValidationBatches < 1)
            throw new ArgumentException($"Validation batches must be at least 1 (got {ValidationBatches}).");
        if (Threads is < 1)
            throw new ArgumentException($"Threads must be at least 1 when set (got {Threads}).");
        if (PseudoDiceEmaDecay is < 0 or >= 1)
            throw new ArgumentException($"The pseudo-Dice moving-average decay must be in [0, 1) (got {PseudoDiceEmaDecay}).");
        ArgumentNullException.ThrowIfNull(Loss);
        ArgumentNullException.ThrowIfNull(Optimization);
        ArgumentNullException.ThrowIfNull(Checkpoints);
        Loss.Validate();
        Optimization.Validate();
        Checkpoints.Validate();
    }
}
