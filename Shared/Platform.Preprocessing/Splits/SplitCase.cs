namespace Platform.Preprocessing.Splits;

/// <summary>One case as the splitter sees it.</summary>
/// <param name="CaseId">Unique within the project.</param>
/// <param name="SubjectId">Optional subject; cases of one subject stay together when grouping.</param>
/// <param name="Labels">Labels present in the case's label map (used for stratification).</param>
public sealed record SplitCase(string CaseId, string? SubjectId = null, IReadOnlyList<int>? Labels = null)
{
    public IReadOnlyList<int> LabelsPresent => Labels ?? [];
}
