using System.Text.Json;

namespace Platform.Preprocessing.Asparagus;

/// <summary>Reading the typed fields of Asparagus' JSON files, each wrong type a named problem rather than an exception.</summary>
internal static class AsparagusJson
{
    /// <summary>Counts above this (classes, modalities) are refused as hostile or broken, not sized for.</summary>
    public const int MaxCount = 10_000;

    /// <summary>Nesting deeper than this is refused: Asparagus' files are three levels deep.</summary>
    private const int MaxDepth = 16;

    public static JsonDocument Parse(string json, string file)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new AsparagusFormatException([$"{file}: not valid JSON ({e.Message})"]);
        }
    }

    public static JsonElement? Object(JsonElement parent, string property, string where, List<string> problems)
    {
        if (!parent.TryGetProperty(property, out var value))
        {
            problems.Add($"{where}: missing \"{property}\"");
            return null;
        }
        if (value.ValueKind == JsonValueKind.Object)
            return value;
        problems.Add($"{where}: \"{property}\" must be an object, not {Shorten(value.GetRawText())}");
        return null;
    }

    public static string? String(JsonElement parent, string property, string where, List<string> problems)
    {
        if (!parent.TryGetProperty(property, out var value))
        {
            problems.Add($"{where}: missing \"{property}\"");
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        problems.Add($"{where}.{property} must be a string, not {Shorten(value.GetRawText())}");
        return null;
    }

    /// <summary>A whole number from 1 to <see cref="MaxCount"/>; 0 with a problem otherwise.</summary>
    public static int Count(JsonElement parent, string property, string where, List<string> problems)
    {
        if (!parent.TryGetProperty(property, out var value))
        {
            problems.Add($"{where}: missing \"{property}\"");
            return 0;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count is >= 1 and <= MaxCount)
            return count;
        problems.Add($"{where}.{property} must be a whole number from 1 to {MaxCount}, not {Shorten(value.GetRawText())}");
        return 0;
    }

    public static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
