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
    [property: Id(7)] IReadOnlyList<string> Runs,
    [property: Id(8)] IReadOnlyList<string> Datasources,
    [property: Id(9)] IReadOnlyDictionary<string, IReadOnlyList<int>> LabelGroups,
    [property: Id(10)] IReadOnlyList<string> Splits,
    [property: Id(11)] IReadOnlyList<string> CrossValidations,
    [property: Id(12)] IReadOnlyList<string> Sweeps)
{
    public bool IsArchived => ArchivedAt is not null;

    /// <summary>Equal in every field, list contents included (records compare lists by reference).</summary>
    public bool SameAs(ProjectSummary? other) =>
        other is not null
        && Lists() == other.Lists()
        && Plans.SequenceEqual(other.Plans) && Runs.SequenceEqual(other.Runs) && Datasources.SequenceEqual(other.Datasources)
        && Splits.SequenceEqual(other.Splits) && CrossValidations.SequenceEqual(other.CrossValidations) && Sweeps.SequenceEqual(other.Sweeps)
        && LabelGroups.Count == other.LabelGroups.Count
        && LabelGroups.All(g => other.LabelGroups.TryGetValue(g.Key, out var labels) && labels.SequenceEqual(g.Value));

    /// <summary>This summary with every list emptied, so the remaining fields compare by value.</summary>
    private ProjectSummary Lists() => this with { Plans = [], Runs = [], Datasources = [], LabelGroups = Empty, Splits = [], CrossValidations = [], Sweeps = [] };

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<int>> Empty = new Dictionary<string, IReadOnlyList<int>>();
}
