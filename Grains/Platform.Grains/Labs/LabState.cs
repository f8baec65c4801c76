using System.Text.Json.Serialization;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;

namespace Platform.Grains.Labs;

/// <summary>
/// Stored shape of a lab (System.Text.Json): add members with defaults, never rename. Members and service keys live in tables (see LabAccessStore).
/// </summary>
public sealed record LabState
{
    public string? DisplayName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RenamedAt { get; init; }

    /// <summary>The lab's projects by title, as their grains last reported them.</summary>
    public Dictionary<string, ProjectSummary> Projects { get; init; } = [];

    [JsonIgnore]
    public bool Exists => DisplayName is not null;

    public LabSummary ToSummary(string id) => new(id, DisplayName ?? "", CreatedAt, RenamedAt);
}
