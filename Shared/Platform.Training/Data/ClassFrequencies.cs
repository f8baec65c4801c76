namespace Platform.Training.Data;

/// <summary>
/// How often each class occurs in the patches a run trains on, counted over the first batches of its own batch
/// sequence without augmentation (the sampling, the foreground oversampling and <c>remapping_train</c> included,
/// so the figures are those the loss sees). Used to start the network's output layers at the class prior.
/// </summary>
public static class ClassFrequencies
{
    /// <summary>Batches counted by default: enough to see a class that a third of the patches are centred on.</summary>
    public const int DefaultBatches = 16;

    /// <summary>
    /// The fraction of voxels of each class 0..<paramref name="classes"/>−1. A class never seen counts as one voxel,
    /// so every fraction is positive (its logarithm is a finite bias) and the fractions still sum to 1.
    /// </summary>
    /// <exception cref="ArgumentException">A patch holds a class at or above <paramref name="classes"/>.</exception>
    public static double[] Estimate(IReadOnlyList<ITrainingCase> cases, BatchLoaderOptions options, int classes, int batches = DefaultBatches)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(batches, 1);
        var builder = new BatchBuilder(cases, options with { Augmentation = null, StartIndex = 0 });
        var workspace = builder.CreateWorkspace();
        var counts = new long[classes];
        for (var b = 0; b < batches; b++)
        {
            foreach (var label in builder.Build(b, workspace).Labels)
            {
                if (label >= classes)
                    throw new ArgumentException($"Batch {b} holds label {label}; the network has {classes} classes (0..{classes - 1}).");
                counts[label]++;
            }
        }
        var total = counts.Sum(c => Math.Max(c, 1L));
        return Array.ConvertAll(counts, c => (double)Math.Max(c, 1L) / total);
    }
}
