using Platform.Grains.Abstractions.Labs;

namespace Platform.Grains.Labs;

/// <summary>Stored shape of the lab directory: labs by id.</summary>
public sealed record LabDirectoryState
{
    public Dictionary<string, LabSummary> Labs { get; init; } = [];
}
