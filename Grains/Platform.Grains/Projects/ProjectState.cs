using System.Text.Json.Serialization;
using Platform.Grains.Abstractions.Projects;

namespace Platform.Grains.Projects;

/// <summary>Stored shape of a project (System.Text.Json): add members with defaults, never rename.</summary>
public sealed record ProjectState
{
    public string? Description { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset? ArchivedAt { get; init; }
    public List<string> Plans { get; init; } = [];
    public List<string> Runs { get; init; } = [];
    public List<string> Datasources { get; init; } = [];
    public Dictionary<string, List<int>> LabelGroups { get; init; } = [];
    public List<string> Splits { get; init; } = [];
    public List<string> CrossValidations { get; init; } = [];
    public List<string> Sweeps { get; init; } = [];

    [JsonIgnore]
    public bool Exists => Description is not null;

    public ProjectSummary ToSummary(string lab, string title) =>
        new(lab, title, Description ?? "", CreatedAt, CreatedBy, ArchivedAt, Plans.ToList(), Runs.ToList(), Datasources.ToList(),
            LabelGroups.ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Value.ToList()), Splits.ToList(), CrossValidations.ToList(), Sweeps.ToList());
}
