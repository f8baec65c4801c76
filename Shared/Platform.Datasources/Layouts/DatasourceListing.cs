namespace Platform.Datasources.Layouts;

/// <summary>
/// What the layout rules make of a folder before any image is opened: the cases that are complete and
/// unambiguous, and the problems with everything else. Cases named in a problem are not in <see cref="Cases"/>.
/// </summary>
/// <param name="Layout">The layout detected.</param>
/// <param name="Cases">Complete cases, ordered by case id (ordinal).</param>
/// <param name="Problems">Per-file, per-case and datasource-level problems.</param>
/// <param name="DatasetJson">nnU-Net's dataset.json as read, when there is a readable one.</param>
public sealed record DatasourceListing(
    DatasourceLayoutKind Layout,
    IReadOnlyList<CaseFiles> Cases,
    IReadOnlyList<DatasourceProblem> Problems,
    NnUnetDatasetJson? DatasetJson);
