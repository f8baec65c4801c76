using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;
using Platform.Training.Data;
using Platform.Training.Inference;
using Platform.Training.Networks;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Workflow;

/// <summary>
/// One fold of a plan, everything decided: which stored cases train and which validate, the network, the run
/// settings, and where checkpoints and validation results go. A plan's fold comes from <see cref="Plans.PlanInterpretation.Fold"/>;
/// the engine itself stays free of the plan document.
/// </summary>
public sealed record FoldTrainingRequest
{
    /// <summary>The preprocessing output folder (the stored cases with their records and native labels).</summary>
    public required string PreprocessedFolder { get; init; }

    public required IReadOnlyList<string> TrainingCases { get; init; }

    public required IReadOnlyList<string> ValidationCases { get; init; }

    /// <summary>Checkpoints go here; validation predictions and scores under <c>validation/</c>.</summary>
    public required string OutputFolder { get; init; }

    public required NetworkDescription Network { get; init; }

    public required TrainerOptions Trainer { get; init; }

    public required int BatchSize { get; init; }

    /// <summary>Patch in voxels (x, y, z); a 2D plan's patch is one voxel deep in z.</summary>
    public required Shape3 PatchSize { get; init; }

    /// <summary>The run's seed: network initialisation and every batch follow from it.</summary>
    public long Seed { get; init; }

    /// <summary>nnU-Net's augmentation for the patch by default; null trains without augmentation.</summary>
    public AugmentationSettings? Augmentation { get; init; }

    public double ForegroundOversampling { get; init; } = Data.ForegroundOversampling.NnUNetFraction;

    /// <summary>Centre foreground samples on the stored locations, or find them in the label map (see <see cref="BatchLoaderOptions.StoredForegroundLocations"/>).</summary>
    public bool StoredForegroundLocations { get; init; } = true;

    /// <summary>Stored labels never chosen as a foreground centre (see <see cref="BatchLoaderOptions.ExcludedForegroundLabels"/>).</summary>
    public IReadOnlyList<int> ExcludedForegroundLabels { get; init; } = [];

    /// <summary>Consecutive samples of a batch cut from one drawn case (see <see cref="BatchLoaderOptions.SamplesPerCase"/>).</summary>
    public int SamplesPerCase { get; init; } = 1;

    /// <summary>
    /// Whether training cases with an empty label map are drawn (see <see cref="BatchLoaderOptions.IncludeEmptyCases"/>).
    /// Validation always keeps them: its scores count false positives on empty cases.
    /// </summary>
    public bool TrainOnEmptyCases { get; init; } = true;

    /// <summary>FRAN's remapping_train, applied to training patches and to the references the validation is scored against.</summary>
    public IReadOnlyDictionary<int, int>? TrainRemapping { get; init; }

    /// <summary>
    /// Start the output layers at the class prior of the training patches (<see cref="Networks.UNet.InitializeOutputBias"/>)
    /// instead of nnU-Net's zero bias: what lets a small target (a lesion of tens of voxels) learn within a short run.
    /// </summary>
    public bool OutputBiasFromClassPrior { get; init; } = true;

    /// <summary>Loader threads.</summary>
    public int LoaderWorkers { get; init; } = 2;

    /// <summary>
    /// How the final validation predicts: the plan's sliding window (<see cref="Plans.PlanInterpretation.SlidingWindow"/>),
    /// the same one its model package records, so validation scores what <c>platform predict</c> will produce. The
    /// device is <see cref="Device"/>'s.
    /// </summary>
    public required SlidingWindowSettings SlidingWindow { get; init; }

    /// <summary>A classification or regression fold's pooled head and its optimiser (the plan's <c>head</c> section); a
    /// segmentation ignores it.</summary>
    public TargetHeadSettings TargetHead { get; init; } = TargetHeadSettings.Default;

    /// <summary>Where to train and predict; the CPU when null.</summary>
    public Device? Device { get; init; }

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(PreprocessedFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputFolder);
        if (TrainingCases.Count == 0)
            throw new ArgumentException("A fold needs at least one training case.", nameof(TrainingCases));
        var overlap = TrainingCases.Intersect(ValidationCases, StringComparer.Ordinal).Take(3).ToList();
        if (overlap.Count > 0)
            throw new ArgumentException($"Cases both train and validate: {string.Join(", ", overlap)}.", nameof(ValidationCases));
        Network.Validate();
        Trainer.Validate();
        Augmentation?.Validate();
        SlidingWindow.Validate();
        if (SlidingWindow.PatchSize != PatchSize)
            throw new ArgumentException($"The validation's sliding window {SlidingWindow.PatchSize} is not the training patch {PatchSize}.", nameof(SlidingWindow));
    }
}
