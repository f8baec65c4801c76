using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Cli.Output;

/// <summary>The one JSON shape of --json output: camelCase, enums by name, indented, NaN written as "NaN".</summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
