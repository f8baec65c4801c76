namespace Platform.Grains.Abstractions.Datasources;

/// <summary>
/// The files of one case as the last scan found them, relative to the platform's data root with '/' separators
/// (DESIGN.md decision 3): what a viewer needs to show the case. A reader resolves them under its own data root and
/// checks again that they stay inside it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Datasources.CaseFileSet")]
public sealed record CaseFileSet(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string Datasource,
    [property: Id(2)] IReadOnlyList<string> Images,
    [property: Id(3)] string Label);
