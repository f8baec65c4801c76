using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Preprocessing.Cases;

/// <summary>The JSON form of <see cref="CaseMetadata"/>: camelCase, enums as names so files stay readable.</summary>
public static class CaseMetadataJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(CaseMetadata metadata) => JsonSerializer.Serialize(metadata, Options);

    public static CaseMetadata Deserialize(string json) =>
        JsonSerializer.Deserialize<CaseMetadata>(json, Options) ?? throw new JsonException("Case metadata JSON is null.");
}
