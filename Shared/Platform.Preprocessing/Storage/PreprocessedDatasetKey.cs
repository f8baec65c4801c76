using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Preprocessing.Storage;

/// <summary>
/// Names the output folder of a preprocessing run: <c>{readableName}_{hash}</c>, the hash being the first 10 hex
/// digits of SHA-256 over a canonical JSON of the settings that change voxels. A changed plan gives another folder
/// (stale data is never reused); an unchanged plan gives the same folder (finished work is never redone).
/// <para>Canonical JSON: object keys sorted ordinally (at every depth), no whitespace, numbers written invariantly
/// in their shortest round-trip form (so <c>1</c>, <c>1.0</c> and <c>1e0</c> are equal), arrays in their given order.</para>
/// <para>Pass only settings that change voxels (spacing, orientation, normalisation, mode, remapping...), not names,
/// paths or worker counts, or harmless edits will force recomputation.</para>
/// </summary>
public static class PreprocessedDatasetKey
{
    public const int HashHexDigits = 10;

    /// <summary>The folder name for <paramref name="settings"/> (any JSON-serialisable object or a <see cref="JsonNode"/>).</summary>
    public static string For<TSettings>(string readableName, TSettings settings) =>
        For(readableName, settings as JsonNode ?? JsonSerializer.SerializeToNode(settings));

    /// <summary>The folder name for settings given as JSON.</summary>
    public static string For(string readableName, JsonNode? settings) => $"{SafeName(readableName)}_{Hash(settings)}";

    /// <summary>The folder name for settings given as JSON text.</summary>
    public static string ForJson(string readableName, string settingsJson) => For(readableName, JsonNode.Parse(settingsJson));

    /// <summary>The first <see cref="HashHexDigits"/> lower-case hex digits of SHA-256 over <see cref="Canonical"/>.</summary>
    public static string Hash(JsonNode? settings)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(settings)));
        return Convert.ToHexStringLower(digest)[..HashHexDigits];
    }

    /// <summary>The canonical JSON text of <paramref name="settings"/> (see the class remarks).</summary>
    public static string Canonical(JsonNode? settings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            WriteCanonical(writer, settings);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteCanonical(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                    WriteCanonical(writer, item);
                writer.WriteEndArray();
                break;
            default:
                WriteScalar(writer, node.AsValue());
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, JsonValue value)
    {
        // Whatever backs the value (parsed text or a CLR number), go through its JSON text.
        using var document = JsonDocument.Parse(value.ToJsonString());
        var element = document.RootElement;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                writer.WriteRawValue(CanonicalNumber(element.GetRawText()));
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static string CanonicalNumber(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return integer.ToString(CultureInfo.InvariantCulture);
        var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (number == Math.Floor(number) && Math.Abs(number) < 1e15)
            return ((long)number).ToString(CultureInfo.InvariantCulture);
        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string SafeName(string readableName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(readableName);
        var chars = readableName.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray();
        var name = new string(chars);
        return name.Trim('.') is "" ? throw new ArgumentException($"'{readableName}' has no usable characters for a folder name.", nameof(readableName)) : name;
    }
}
