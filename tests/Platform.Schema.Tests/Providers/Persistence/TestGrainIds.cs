using System.Security.Cryptography;

namespace Platform.Schema.Tests.Providers.Persistence;

/// <summary>Fresh grain ids of each <see cref="KeyKind"/>, and the fixed ones the hash test vectors use.</summary>
public static class TestGrainIds
{
    private static readonly GrainType Type = GrainType.Create("schematest");

    public static GrainId New(KeyKind kind) => kind switch
    {
        KeyKind.String => GrainId.Create(Type, $"lab-{Guid.NewGuid():N}"),
        KeyKind.Integer => GrainId.Create(Type, GrainIdKeyExtensions.CreateIntegerKey(RandomLong())),
        KeyKind.IntegerWithExtension => GrainId.Create(Type, GrainIdKeyExtensions.CreateIntegerKey(RandomLong(), "ext")),
        KeyKind.GuidWithExtension => GrainId.Create(Type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext")),
        KeyKind.HexLooking => GrainId.Create(Type, new string([.. Enumerable.Range(0, 12).Select(_ => (char)('a' + RandomNumberGenerator.GetInt32(6)))])),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static GrainId StringKey(string key) => GrainId.Create(Type, key);

    public static GrainId IntegerKey(long key, string? extension = null) => GrainId.Create(Type, GrainIdKeyExtensions.CreateIntegerKey(key, extension));

    public static GrainId GuidKey(Guid key, string extension) => GrainId.Create(Type, GrainIdKeyExtensions.CreateGuidKey(key, extension));

    private static long RandomLong() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;
}
