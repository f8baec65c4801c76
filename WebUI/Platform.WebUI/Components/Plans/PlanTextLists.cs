using System.Globalization;
using System.Numerics;

using Platform.Plans;
namespace Platform.WebUI.Components.Plans;

/// <summary>
/// The editor shows list fields as short text ("1.5, 0.8, 0.8", "2:1, *:0"): quicker to type than one input per
/// item, and what FRAN's spreadsheet cells hold. Numbers are read and written in the invariant culture.
/// </summary>
public static class PlanTextLists
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '×'];

    public static string Numbers<T>(IEnumerable<T> values) where T : INumber<T> =>
        string.Join(", ", values.Select(v => v.ToString(null, CultureInfo.InvariantCulture)));

    public static bool TryNumbers<T>(string? text, out List<T> values) where T : INumber<T>
    {
        values = [];
        foreach (var item in Items(text))
        {
            if (!T.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return false;
            values.Add(value);
        }

        return true;
    }

    public static List<string> Names(string? text) => Items(text).ToList();

    public static string Schemes(IEnumerable<NormalizationScheme> schemes) => string.Join(", ", schemes);

    /// <summary>Scheme names, any case; numbers are refused (an enum would accept them silently).</summary>
    public static bool TrySchemes(string? text, out List<NormalizationScheme> schemes)
    {
        schemes = [];
        foreach (var item in Items(text))
        {
            if (!char.IsLetter(item[0]) || !Enum.TryParse<NormalizationScheme>(item, ignoreCase: true, out var scheme))
                return false;
            schemes.Add(scheme);
        }

        return true;
    }

    /// <summary>"2:1, 3:0, *:0"; empty for no remapping.</summary>
    public static string Remapping(LabelRemapping? remapping)
    {
        if (remapping is null)
            return "";
        var pairs = remapping.Map.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}");
        return string.Join(", ", remapping.UnmappedTo is { } unmapped ? pairs.Append($"*:{unmapped}") : pairs);
    }

    public static bool TryRemapping(string? text, out LabelRemapping? remapping)
    {
        remapping = null;
        var map = new Dictionary<int, int>();
        int? unmapped = null;
        foreach (var item in Items(text))
        {
            var parts = item.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var to))
                return false;
            if (parts[0] == "*")
                unmapped = to;
            else if (!int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var from) || !map.TryAdd(from, to))
                return false;
        }

        if (map.Count > 0 || unmapped is not null)
            remapping = new LabelRemapping(map, unmapped);
        return true;
    }

    private static IEnumerable<string> Items(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
