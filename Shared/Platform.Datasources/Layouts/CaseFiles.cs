namespace Platform.Datasources.Layouts;

/// <summary>
/// The files of one case as the layout pairs them. Paths are relative to the data root with '/' separators,
/// the form the platform stores (DESIGN.md decision 3).
/// </summary>
/// <param name="CaseId">The case id (FRAN's case id part; nnU-Net's case identifier).</param>
/// <param name="Images">Image files in channel order: one file in FRAN (it may hold several channels), one per channel in nnU-Net.</param>
/// <param name="Label">The label map.</param>
public sealed record CaseFiles(string CaseId, IReadOnlyList<string> Images, string Label)
{
    /// <summary>Every file of the case, images first.</summary>
    public IEnumerable<string> AllFiles => Images.Append(Label);
}
