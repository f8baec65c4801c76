using System.Text.Json;

namespace Platform.Preprocessing.Splits;

/// <summary>Reading and writing the id lists that both split file formats are made of.</summary>
internal static class SplitJson
{
    public static JsonDocument Parse(string json, string format)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SplitException([$"{format}: not valid JSON ({e.Message})"]);
        }
    }

    /// <summary>The string list under <paramref name="property"/>; problems are collected, not thrown.</summary>
    public static List<string> ReadIds(JsonElement entry, string property, string where, List<string> problems, bool required = true)
    {
        if (!entry.TryGetProperty(property, out var list))
        {
            if (required)
                problems.Add($"{where}: missing \"{property}\"");
            return [];
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{where}: \"{property}\" must be a list of case ids");
            return [];
        }
        var ids = new List<string>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                ids.Add(item.GetString()!);
            else
                problems.Add($"{where}: \"{property}\" holds {item.GetRawText()}, not a case id");
        }
        return ids;
    }

    public static void WriteIds(Utf8JsonWriter writer, string property, IEnumerable<string> ids)
    {
        writer.WriteStartArray(property);
        foreach (var id in ids)
            writer.WriteStringValue(id);
        writer.WriteEndArray();
    }

    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            body(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
