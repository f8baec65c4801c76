using System.Text.Json.Serialization;
using Platform.Grains.Abstractions.Labs;

namespace Platform.Grains.Labs;

/// <summary>
/// Stored shape of a lab (System.Text.Json): add members with defaults, never rename. Members come in a later change.
/// </summary>
public sealed record LabState
{
    public string? DisplayName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RenamedAt { get; init; }

    [JsonIgnore]
    public bool Exists => DisplayName is not null;

    public LabSummary ToSummary(string id) => new(id, DisplayName ?? "", CreatedAt, RenamedAt);
}
