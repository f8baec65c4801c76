namespace Platform.Datasources.Layouts;

/// <summary>
/// One reason something cannot be registered. <paramref name="CaseId"/> is set whenever the problem belongs
/// to a case (null for datasource-level problems and for files whose name yields no case id);
/// <paramref name="File"/> names the file concerned, relative to the data root, when there is one.
/// </summary>
public sealed record DatasourceProblem(ProblemKind Kind, string? CaseId, string? File, string Reason)
{
    public override string ToString() => $"{Kind} [{CaseId ?? "-"}] {File ?? ""}: {Reason}";
}
