using Platform.Plans.Tasks;

namespace Platform.Grains.Abstractions.Projects;

/// <summary>
/// A project and what stays small about it. Its plans, runs, cross-validations and sweeps grow without bound and are
/// listed page by page through <see cref="IProjectListGrain"/> (ids 6, 7, 11 and 12 held those lists once; never reuse them).
/// <see cref="Kind"/> is what the project learns, chosen at creation and never changed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.ProjectSummary")]
public sealed record ProjectSummary(
    [property: Id(0)] string LabId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset? ArchivedAt,
    [property: Id(8)] IReadOnlyList<string> Datasources,
    [property: Id(9)] IReadOnlyDictionary<string, IReadOnlyList<int>> LabelGroups,
    [property: Id(10)] IReadOnlyList<string> Splits,
    [property: Id(13)] TaskKind Kind = TaskKind.Segmentation)
{
    public bool IsArchived => ArchivedAt is not null;

    /// <summary>Equal in every field, list contents included (records compare lists by reference).</summary>
    public bool SameAs(ProjectSummary? other) =>
        other is not null
        && Lists() == other.Lists()
        && Datasources.SequenceEqual(other.Datasources) && Splits.SequenceEqual(other.Splits)
        && LabelGroups.Count == other.LabelGroups.Count
        && LabelGroups.All(g => other.LabelGroups.TryGetValue(g.Key, out var labels) && labels.SequenceEqual(g.Value));

    /// <summary>This summary with every list emptied, so the remaining fields compare by value.</summary>
    private ProjectSummary Lists() => this with { Datasources = [], LabelGroups = Empty, Splits = [] };

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<int>> Empty = new Dictionary<string, IReadOnlyList<int>>();
}
