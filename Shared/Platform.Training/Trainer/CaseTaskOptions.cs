using Platform.Imaging.Volumes;
using Platform.Training.Optimization;

namespace Platform.Training.Trainer;

/// <summary>
/// Settings every case-level training shares (classification, regression, masked-image-modelling pretraining): each
/// batch holds whole cases brought to <see cref="PatchSize"/> (see <c>WholeCaseInput</c>).
/// </summary>
public record CaseTaskOptions
{
    public required int Epochs { get; init; }

    public required int IterationsPerEpoch { get; init; }

    /// <summary>The plan's patch size (x, y, z): every case is cropped around its centre or padded to it.</summary>
    public required Shape3 PatchSize { get; init; }

    public int BatchSize { get; init; } = 4;

    /// <summary>Seeds the order of cases (and the masks of pretraining); the initial weights come from torch's seed.</summary>
    public int Seed { get; init; }

    /// <summary>AdamW at 1e-3 with a cosine by default: the small pooled heads and light decoders train faster with it
    /// than with nnU-Net's SGD.</summary>
    public OptimizationOptions Optimization { get; init; } = DefaultOptimization;

    /// <summary>AdamW at 1e-3, weight decay 0.05, a cosine without warm-up.</summary>
    public static OptimizationOptions DefaultOptimization { get; } = OptimizationOptions.AdamW(learningRate: 1e-3, warmupEpochs: 0);

    /// <summary>Intra-op threads for libtorch; null leaves libtorch's setting alone (process-wide, as in <see cref="TrainerOptions.Threads"/>).</summary>
    public int? Threads { get; init; }

    /// <summary>Where the final weights are written as a checkpoint of the task's network; null writes none.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Where the latest state is kept after every epoch, and continued from when it exists (see
    /// <see cref="CaseTaskResume"/>); null keeps none. Classification and regression only: pretraining draws its masks
    /// from the same generator as its case order, so it cannot replay it yet.</summary>
    public string? LatestCheckpointPath { get; init; }

    /// <exception cref="ArgumentException">A setting out of range, named.</exception>
    public virtual void Validate()
    {
        if (Epochs < 1)
            throw new ArgumentException($"Epochs must be at least 1 (got {Epochs}).");
        if (IterationsPerEpoch < 1)
            throw new ArgumentException($"Iterations per epoch must be at least 1 (got {IterationsPerEpoch}).");
        if (PatchSize.IsEmpty)
            throw new ArgumentException($"The patch size {PatchSize} must be positive along every axis.");
        if (BatchSize < 1)
            throw new ArgumentException($"The batch size must be at least 1 (got {BatchSize}).");
        if (Threads is < 1)
            throw new ArgumentException($"Threads must be at least 1 when set (got {Threads}).");
        ArgumentNullException.ThrowIfNull(Optimization);
        Optimization.Validate();
        if (Optimization.WarmupEpochs >= Epochs)
            throw new ArgumentException($"The warm-up ({Optimization.WarmupEpochs} epochs) must be shorter than the run ({Epochs} epochs).");
    }
}
