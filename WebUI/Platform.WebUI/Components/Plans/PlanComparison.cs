using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

using Platform.Plans;
namespace Platform.WebUI.Components.Plans;

/// <summary>
/// Field differences between two plans held in the browser session (yours against the version someone saved
/// meanwhile, the form against an auto-configured suggestion), in the shape the plan grain's CompareAsync
/// returns for two saved versions: camelCase paths, values as JSON text, enums by name.
/// </summary>
public static class PlanComparison
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IReadOnlyList<PlanFieldChange> Between(PlanSettings before, PlanSettings after)
    {
        var a = Flatten(JsonSerializer.SerializeToNode(before, Json));
        var b = Flatten(JsonSerializer.SerializeToNode(after, Json));
        return a.Keys.Union(b.Keys)
            .Select(path => new PlanFieldChange(path, a.GetValueOrDefault(path), b.GetValueOrDefault(path)))
            .Where(change => change.Before != change.After)
            .ToList();
    }

    /// <summary>A JSON value as people read it: strings without quotes, lists with spaces, nothing as a dash.</summary>
    public static string Display(string? json) => json switch
    {
        null or "null" => "—",
        ['"', .., '"'] => json[1..^1],
        _ => json.Replace(",", ", ", StringComparison.Ordinal),
    };

    /// <summary>Path → value text. Objects (and lists of objects, such as stages) are walked; lists of numbers are one value.</summary>
    private static Dictionary<string, string?> Flatten(JsonNode? root)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk("", root);
        return values;

        void Walk(string path, JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o)
                        Walk(path.Length == 0 ? key : $"{path}.{key}", child);
                    break;
                case JsonArray items when items.Any(i => i is JsonObject):
                    for (var i = 0; i < items.Count; i++)
                        Walk($"{path}[{i}]", items[i]);
                    break;
                default:
                    values[path] = node?.ToJsonString();
                    break;
            }
        }
    }
}
