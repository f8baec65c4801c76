namespace Platform.Plans;

/// <summary>A problem with one plan field; <see cref="Field"/> is its path as the editor names it ("network.patchSize").</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanFieldError")]
public sealed record PlanFieldError([property: Id(0)] string Field, [property: Id(1)] string Message);
