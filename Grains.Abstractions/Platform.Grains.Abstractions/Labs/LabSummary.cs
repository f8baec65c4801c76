namespace Platform.Grains.Abstractions.Labs;

/// <summary>A lab (tenant) as callers see it.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Labs.LabSummary")]
public sealed record LabSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset? RenamedAt);
