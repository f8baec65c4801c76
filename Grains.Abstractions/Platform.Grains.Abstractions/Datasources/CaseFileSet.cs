namespace Platform.Grains.Abstractions.Datasources;

/// <summary>
/// The files of one case as the last scan found them, relative to the lab's data folder (<c>{DataRoot}/{labId}</c>)
/// with '/' separators: what a viewer needs to show the case. A reader resolves them in the folder of the lab it
/// asked the grain as (Platform.Datasources' LabDataRoot) and checks again that they stay inside it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Datasources.CaseFileSet")]
public sealed record CaseFileSet(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string Datasource,
    [property: Id(2)] IReadOnlyList<string> Images,
    [property: Id(3)] string Label);
