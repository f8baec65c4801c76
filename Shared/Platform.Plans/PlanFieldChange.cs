namespace Platform.Plans;

/// <summary>One field that differs between two versions; values are shown as JSON text.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanFieldChange")]
public sealed record PlanFieldChange(
    [property: Id(0)] string Field,
    [property: Id(1)] string? Before,
    [property: Id(2)] string? After);
