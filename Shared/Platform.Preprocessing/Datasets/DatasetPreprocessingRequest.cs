using Platform.Preprocessing.Cases;

namespace Platform.Preprocessing.Datasets;

/// <summary>What <see cref="DatasetPreprocessor.RunAsync"/> does: preprocess <see cref="Cases"/> into <see cref="OutputFolder"/>.</summary>
public sealed record DatasetPreprocessingRequest
{
    /// <summary>
    /// Where the cases are stored (created if missing). Name it with <c>PreprocessedDatasetKey</c> so a changed plan
    /// gets a new folder: a rerun into the same folder skips every case already complete there.
    /// </summary>
    public required string OutputFolder { get; init; }

    public required IReadOnlyList<CaseSource> Cases { get; init; }

    public required CasePreprocessingSettings Settings { get; init; }

    /// <summary>Most cases processed at once (each case also uses several cores inside).</summary>
    public int MaxParallelism { get; init; } = 2;

    /// <summary>
    /// Upper bound on the sum of the running cases' memory estimates (<see cref="CaseMemoryEstimate"/>). A case whose
    /// estimate alone exceeds the budget still runs, but alone.
    /// </summary>
    public long MemoryBudgetBytes { get; init; } = 8L << 30;

    /// <summary>Also store the remapped, unresampled label in the original geometry (for native-space metrics).</summary>
    public bool WriteNativeLabels { get; init; } = true;
}
