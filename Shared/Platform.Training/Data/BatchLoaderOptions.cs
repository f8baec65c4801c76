using Platform.Imaging.Volumes;
using Platform.Training.Augmentation;

namespace Platform.Training.Data;

/// <summary>What batches a <see cref="BatchLoader"/> builds, and how many threads build them ahead.</summary>
public sealed record BatchLoaderOptions
{
    public required int BatchSize { get; init; }

    /// <summary>The final patch (x, y, z) the network sees.</summary>
    public required Shape3 PatchSize { get; init; }

    /// <summary>The run's seed: batch i is a pure function of (Seed, i).</summary>
    public long Seed { get; init; }

    /// <summary>The index of the first batch (0 for a new run, the checkpoint's position for a resumed one).</summary>
    public long StartIndex { get; init; }

    /// <summary>Threads building batches. The batches do not depend on it.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>At most this many batches are built ahead of the one the trainer takes next (ready or in progress).</summary>
    public int QueueCapacity { get; init; } = 4;

    /// <summary>Fraction of each batch forced onto foreground (nnU-Net: 0.33; see <see cref="ForegroundOversampling"/>).</summary>
    public double OversampleForeground { get; init; } = ForegroundOversampling.NnUNetFraction;

    /// <summary>
    /// Where forced-foreground samples find their centre. True: among the locations stored with each case at
    /// preprocessing (nnU-Net's class_locations). False: in the case's label map, read when the sample is drawn — FRAN's
    /// <c>use_fg_indices = False</c>, which holds no locations in memory (they add up over hundreds of thousands of cases)
    /// and draws from every voxel of the class, at the price of reading the whole label map per forced sample.
    /// </summary>
    public bool StoredForegroundLocations { get; init; } = true;

    /// <summary>
    /// Stored labels never chosen as a foreground centre (FRAN's <c>fg_indices_exclude</c>): exclude a large organ and the
    /// oversampling centres on the lesions beside it. The labels still train; only the centre choice ignores them.
    /// </summary>
    public IReadOnlyList<int> ExcludedForegroundLabels { get; init; } = [];

    /// <summary>
    /// Consecutive samples of a batch cut from the same drawn case (FRAN's <c>samples_per_file</c>): a batch of B
    /// samples reads ⌈B / n⌉ cases. The batch size stays <see cref="BatchSize"/>.
    /// </summary>
    public int SamplesPerCase { get; init; } = 1;

    /// <summary>
    /// Whether cases whose label map is empty are drawn (FRAN's <c>nnz_allowed</c>; nnU-Net draws every case). Off, they
    /// are left out of the draw; a loader whose cases are all empty then refuses to start.
    /// </summary>
    public bool IncludeEmptyCases { get; init; } = true;

    /// <summary>The augmentation, or null for none (validation).</summary>
    public AugmentationSettings? Augmentation { get; init; }

    /// <summary>FRAN's remapping_train, applied to every label patch; null for none.</summary>
    public TrainLabelRemapping? LabelRemapping { get; init; }

    /// <summary>The label outside the case and outside the sampled patch (0, or an ignore label the loss skips).</summary>
    public byte PadLabel { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (BatchSize < 1)
            throw new ArgumentException($"Batch loader: batch size {BatchSize} must be at least 1.");
        if (PatchSize.IsEmpty)
            throw new ArgumentException($"Batch loader: patch size {PatchSize} must be positive along every axis.");
        if (StartIndex < 0)
            throw new ArgumentException($"Batch loader: start index {StartIndex} must not be negative.");
        if (Workers < 1)
            throw new ArgumentException($"Batch loader: {Workers} workers; at least 1 is needed.");
        if (QueueCapacity < 1)
            throw new ArgumentException($"Batch loader: queue capacity {QueueCapacity} must be at least 1.");
        if (!(OversampleForeground >= 0 && OversampleForeground <= 1))
            throw new ArgumentException($"Batch loader: foreground oversampling {OversampleForeground} must lie within [0, 1].");
        if (SamplesPerCase < 1)
            throw new ArgumentException($"Batch loader: {SamplesPerCase} samples per case; at least 1 is needed.");
        ArgumentNullException.ThrowIfNull(ExcludedForegroundLabels);
        if (ExcludedForegroundLabels.Any(l => l is < 1 or > 255))
            throw new ArgumentException($"Batch loader: excluded foreground labels [{string.Join(", ", ExcludedForegroundLabels)}] must be labels 1–255.");
        Augmentation?.Validate();
    }
}
