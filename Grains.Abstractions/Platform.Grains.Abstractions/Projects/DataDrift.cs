namespace Platform.Grains.Abstractions.Projects;

/// <summary>
/// How the project's data now differs from the data a plan version (or a run) was configured from: the stored
/// fingerprint recorded with it, the current one for the same datasources, usable cases added and removed since,
/// and whether the foreground intensity statistics that CT normalisation uses changed. <see cref="Message"/> says it
/// in words when <see cref="Changed"/>; nothing changes what the version trains on until someone saves a new one.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Projects.DataDrift")]
public sealed record DataDrift(
    [property: Id(0)] long? RecordedFingerprintId,
    [property: Id(1)] long? CurrentFingerprintId,
    [property: Id(2)] bool Changed,
    [property: Id(3)] int CasesAdded,
    [property: Id(4)] int CasesRemoved,
    [property: Id(5)] bool CtStatisticsChanged,
    [property: Id(6)] string? Message);
