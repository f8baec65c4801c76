using Platform.Plans;

namespace Platform.Grains.Abstractions.Plans;

/// <summary>
/// One saved version of a plan. <paramref name="FingerprintId"/> is the stored dataset fingerprint it was configured
/// from (the current one when it was saved, or, for a version saved before its data was scanned, the one its first run
/// used): its statistics are the ones the version preprocesses, trains and evaluates with.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanSnapshot")]
public sealed record PlanSnapshot(
    [property: Id(0)] string Name,
    [property: Id(1)] int Version,
    [property: Id(2)] PlanSettings Settings,
    [property: Id(3)] string Author,
    [property: Id(4)] DateTimeOffset SavedAt,
    [property: Id(5)] string? Comment,
    [property: Id(6)] long? FingerprintId = null);

/// <summary>A version in the history list (without its settings).</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanVersionSummary")]
public sealed record PlanVersionSummary(
    [property: Id(0)] int Version,
    [property: Id(1)] string Author,
    [property: Id(2)] DateTimeOffset SavedAt,
    [property: Id(3)] string? Comment);

/// <summary>A plan in the project's plan list: its name and latest version (without settings).</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanHead")]
public sealed record PlanHead(
    [property: Id(0)] string Name,
    [property: Id(1)] PlanVersionSummary Latest);
