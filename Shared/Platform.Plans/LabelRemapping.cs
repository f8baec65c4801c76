namespace Platform.Plans;

/// <summary>
/// FRAN's remapping: source label → target label. Labels not listed keep their value unless
/// <see cref="UnmappedTo"/> is set (FRAN's remapping_imported sends unlisted labels to 0).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.LabelRemapping")]
public sealed record LabelRemapping(
    [property: Id(0)] IReadOnlyDictionary<int, int> Map,
    [property: Id(1)] int? UnmappedTo = null);
