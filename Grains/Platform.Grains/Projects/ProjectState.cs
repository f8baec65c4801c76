using System.Text.Json.Serialization;
using Platform.Grains.Abstractions.Projects;
using Platform.Plans.Tasks;

namespace Platform.Grains.Projects;

/// <summary>
/// Stored shape of a project (System.Text.Json): add members with defaults, never rename. Only lists that stay small
/// live here; plans, runs, cross-validations and sweeps are rows of their own tables (migration 0014).
/// </summary>
public sealed record ProjectState
{
    public string? Description { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset? ArchivedAt { get; init; }
    public List<string> Datasources { get; init; } = [];
    public Dictionary<string, List<int>> LabelGroups { get; init; } = [];
    public List<string> Splits { get; init; } = [];

    /// <summary>What the project learns; projects stored before task kinds (migration 0017) are segmentation.</summary>
    public TaskKind Kind { get; init; } = TaskKind.Segmentation;

    // The ever-growing name lists of projects stored before migration 0014: read once so the first activation can
    // list their items in project_item (see ProjectListBackfill), then written as nothing.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Plans { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Runs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? CrossValidations { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Sweeps { get; init; }

    [JsonIgnore]
    public bool Exists => Description is not null;

    [JsonIgnore]
    public bool HasOldLists => Plans is not null || Runs is not null || CrossValidations is not null || Sweeps is not null;

    public ProjectSummary ToSummary(string lab, string title) =>
        new(lab, title, Description ?? "", CreatedAt, CreatedBy, ArchivedAt, Datasources.ToList(),
            LabelGroups.ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Value.ToList()), Splits.ToList(), Kind);
}
