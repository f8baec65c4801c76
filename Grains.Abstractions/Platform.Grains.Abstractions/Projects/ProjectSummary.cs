namespace Platform.Grains.Abstractions.Projects;

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.ProjectSummary")]
public sealed record ProjectSummary(
    [property: Id(0)] string LabId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset? ArchivedAt,
    [property: Id(6)] IReadOnlyList<string> Plans,
    [property: Id(7)] IReadOnlyList<string> Runs)
{
    public bool IsArchived => ArchivedAt is not null;
}
