namespace Platform.Training.Data;

/// <summary>
/// The validation source used for nnU-Net's pseudo-Dice: the same sampling (with foreground oversampling) on the
/// validation cases, no augmentation, and a fixed seed — so every validation pass starting at index 0 sees exactly the
/// same patches and pseudo-Dice differences between epochs come from the network, not from the draw.
/// </summary>
public static class ValidationBatches
{
    /// <summary>The seed used when none is given; any fixed value would do.</summary>
    public const long DefaultSeed = 12345;

    /// <summary>
    /// A loader over <paramref name="cases"/> with <paramref name="options"/>' batch and patch size, workers and
    /// remapping, augmentation off, starting at batch 0 with <paramref name="seed"/>.
    /// </summary>
    public static BatchLoader Create(IReadOnlyList<ITrainingCase> cases, BatchLoaderOptions options, long seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BatchLoader(cases, options with { Augmentation = null, Seed = seed, StartIndex = 0 });
    }
}
