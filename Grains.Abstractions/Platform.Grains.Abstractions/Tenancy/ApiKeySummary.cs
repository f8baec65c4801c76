namespace Platform.Grains.Abstractions.Tenancy;

/// <summary>A service key as listed: never its secret.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Tenancy.ApiKeySummary")]
public sealed record ApiKeySummary(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Name,
    [property: Id(2)] LabRole Role,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset? RevokedAt);

/// <summary>A key just created: <see cref="Key"/> is shown this once and cannot be read back.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Tenancy.CreatedApiKey")]
public sealed record CreatedApiKey(
    [property: Id(0)] ApiKeySummary Summary,
    [property: Id(1)] string Key);
