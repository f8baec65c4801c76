namespace Platform.Preprocessing.Datasets;

/// <summary>A case that could not be preprocessed and why, in words a user can act on (which file, what is wrong).</summary>
public sealed record CaseFailure(string CaseId, string Reason);

/// <summary>
/// The outcome of a run. <paramref name="Summary"/> covers every case complete in the output folder among the
/// request's cases (processed now or earlier); it is also written to <c>summary.json</c> in the output folder.
/// <paramref name="InputBytes"/> is the size of the input files of the cases processed by this run.
/// </summary>
public sealed record DatasetPreprocessingReport(
    int Total,
    int Processed,
    int Skipped,
    int Failed,
    IReadOnlyList<CaseFailure> Failures,
    PreprocessedDatasetSummary Summary,
    long InputBytes,
    TimeSpan Elapsed);
