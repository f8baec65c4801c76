using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Preprocessing.Planning.Fran;

public enum RemappingSyntax
{
    /// <summary><c>{1:0, 2:2}</c></summary>
    Map,
    /// <summary><c>[[1, 2], [0, 2]]</c>: sources, then destinations.</summary>
    Lists,
}

/// <summary>
/// Parsers and formatters for FRAN's cell syntaxes. Empty or blank text is "not set" and parses to
/// null. Parse errors throw <see cref="FranValueException"/> with the offending text.
/// </summary>
public static partial class FranValues
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"0.8,0.8,1.5" (brackets and spaces tolerated) → three positive spacings in mm.</summary>
    public static IReadOnlyList<double>? ParseSpacing(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parts = text.Trim().TrimStart('[', '(').TrimEnd(']', ')').Split(',');
        var values = new List<double>();
        foreach (var part in parts)
        {
            if (!double.TryParse(part.Trim(), NumberStyles.Float, Invariant, out var v) || !(v > 0) || !double.IsFinite(v))
                throw new FranValueException($"spacing '{text}': '{part.Trim()}' is not a positive number");
            values.Add(v);
        }
        if (values.Count != 3)
            throw new FranValueException($"spacing '{text}' must have 3 values, has {values.Count}");
        return values;
    }

    public static string FormatSpacing(IReadOnlyList<double> spacing) =>
        string.Join(",", spacing.Select(v => v.ToString("R", Invariant)));

    /// <summary>A remapping as a map <c>{1:0, 2:2}</c> or as two lists <c>[[1,2],[0,2]]</c> / <c>[1,2],[0,2]</c>.</summary>
    public static IReadOnlyDictionary<int, int>? ParseRemapping(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        return trimmed.StartsWith('{') ? ParseMap(trimmed) : ParseLists(trimmed);
    }

    public static string FormatRemapping(IReadOnlyDictionary<int, int> remapping, RemappingSyntax syntax)
    {
        var ordered = remapping.OrderBy(kv => kv.Key).ToList();
        return syntax switch
        {
            RemappingSyntax.Map => "{" + string.Join(", ", ordered.Select(kv => F($"{kv.Key}:{kv.Value}"))) + "}",
            RemappingSyntax.Lists => F($"[[{string.Join(", ", ordered.Select(kv => kv.Key))}], [{string.Join(", ", ordered.Select(kv => kv.Value))}]]"),
            _ => throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "unknown remapping syntax"),
        };
    }

    /// <summary>True/False as Python and pandas write them; also yes/no and 1/0, any case.</summary>
    public static bool? ParseBoolean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return text.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "1" or "1.0" => true,
            "false" or "no" or "0" or "0.0" => false,
            _ => throw new FranValueException($"'{text}' is not a boolean (True/False)"),
        };
    }

    public static string? FormatBoolean(bool? value) => value switch
    {
        true => "True",
        false => "False",
        null => null,
    };

    public static double? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!double.TryParse(text.Trim(), NumberStyles.Float, Invariant, out var v) || !double.IsFinite(v))
            throw new FranValueException($"'{text}' is not a number");
        return v;
    }

    public static int? ParseInteger(string? text)
    {
        var value = ParseNumber(text);
        if (value is null)
            return null;
        // Excel stores whole numbers as doubles ("128" may come back as 128.0).
        if (value != Math.Floor(value.Value) || Math.Abs(value.Value) > int.MaxValue)
            throw new FranValueException($"'{text}' is not a whole number");
        return (int)value.Value;
    }

    private static Dictionary<int, int> ParseMap(string text)
    {
        if (!text.EndsWith('}'))
            throw new FranValueException($"remapping '{text}' opens '{{' but does not close it");
        var body = text[1..^1];
        var map = new Dictionary<int, int>();
        if (string.IsNullOrWhiteSpace(body))
            return map;
        foreach (var entry in body.Split(','))
        {
            var pair = entry.Split(':');
            if (pair.Length != 2 || !TryLabel(pair[0], out var source) || !TryLabel(pair[1], out var destination))
                throw new FranValueException($"remapping '{text}': '{entry.Trim()}' is not 'source:destination'");
            if (!map.TryAdd(source, destination))
                throw new FranValueException($"remapping '{text}' maps label {source} twice");
        }
        return map;
    }

    private static Dictionary<int, int> ParseLists(string text)
    {
        var match = TwoLists().Match(text);
        // The outer brackets are optional but must come as a pair.
        var compact = string.Concat(text.Where(ch => !char.IsWhiteSpace(ch)));
        var balanced = compact.StartsWith("[[", StringComparison.Ordinal) == compact.EndsWith("]]", StringComparison.Ordinal);
        if (!match.Success || !balanced)
            throw new FranValueException($"remapping '{text}' is neither {{source:destination, ...}} nor [[sources], [destinations]]");
        var sources = LabelList(match.Groups[1].Value, text);
        var destinations = LabelList(match.Groups[2].Value, text);
        if (sources.Count != destinations.Count)
            throw new FranValueException($"remapping '{text}' has {sources.Count} sources but {destinations.Count} destinations");
        var map = new Dictionary<int, int>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (!map.TryAdd(sources[i], destinations[i]))
                throw new FranValueException($"remapping '{text}' maps label {sources[i]} twice");
        }
        return map;
    }

    private static List<int> LabelList(string body, string text)
    {
        if (string.IsNullOrWhiteSpace(body))
            return [];
        var labels = new List<int>();
        foreach (var part in body.Split(','))
        {
            if (!TryLabel(part, out var label))
                throw new FranValueException($"remapping '{text}': '{part.Trim()}' is not a label");
            labels.Add(label);
        }
        return labels;
    }

    private static bool TryLabel(string text, out int label) =>
        int.TryParse(text.Trim(), NumberStyles.None, Invariant, out label);

    private static string F(FormattableString text) => text.ToString(Invariant);

    // Optional outer brackets around two bracketed lists: [[1,2],[0,2]] or [1,2],[0,2].
    [GeneratedRegex(@"^\[?\s*\[([^\[\]]*)\]\s*,\s*\[([^\[\]]*)\]\s*\]?$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoLists();
}
