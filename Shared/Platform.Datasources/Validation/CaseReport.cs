using Platform.Datasources.Layouts;
using Platform.Datasources.Statistics;

namespace Platform.Datasources.Validation;

/// <summary>
/// Everything validation learned about one case. A case is registrable when it has no problems; then
/// <see cref="Geometry"/> and <see cref="Statistics"/> are both set.
/// </summary>
public sealed record CaseReport(
    CaseFiles Files,
    CaseGeometry? Geometry,
    CaseStatistics? Statistics,
    IReadOnlyList<DatasourceProblem> Problems)
{
    public string CaseId => Files.CaseId;

    public bool IsValid => Problems.Count == 0 && Geometry is not null && Statistics is not null;
}
