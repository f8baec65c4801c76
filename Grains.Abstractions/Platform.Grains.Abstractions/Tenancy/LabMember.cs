namespace Platform.Grains.Abstractions.Tenancy;

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Tenancy.LabMember")]
public sealed record LabMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] LabRole Role,
    [property: Id(2)] DateTimeOffset AddedAt,
    [property: Id(3)] string AddedBy);
