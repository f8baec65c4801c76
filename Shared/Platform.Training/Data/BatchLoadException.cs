namespace Platform.Training.Data;

/// <summary>A batch could not be built; says which batch and, when one was being read, which case.</summary>
public sealed class BatchLoadException : Exception
{
    public BatchLoadException(long batchIndex, string? caseId, Exception inner)
        : base(caseId is null
            ? $"Building training batch {batchIndex} failed: {inner?.Message}"
            : $"Building training batch {batchIndex} failed on case '{caseId}': {inner?.Message}", inner)
    {
        BatchIndex = batchIndex;
        CaseId = caseId;
    }

    public long BatchIndex { get; }

    /// <summary>The case being read or augmented when it failed (null when the failure was not about one case).</summary>
    public string? CaseId { get; }
}
