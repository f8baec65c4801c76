using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Platform.Grains.Abstractions.Plans;

namespace Platform.Grains.Plans;

/// <summary>
/// The JSON form of a plan: what plan_version stores, what JSON export writes, and what comparisons walk.
/// camelCase so field paths read as the editor names them ("network.patchSize"); enums as names so stored
/// versions stay readable and survive reordering of enum members.
/// </summary>
public static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string Serialize(PlanSettings settings) => JsonSerializer.Serialize(settings, Options);

    public static PlanSettings Deserialize(string json) =>
        JsonSerializer.Deserialize<PlanSettings>(json, Options) ?? throw new JsonException("A plan document is empty.");

    /// <summary>Field-by-field differences; arrays of numbers compare as one value, arrays of objects item by item.</summary>
    public static IReadOnlyList<PlanFieldChange> Compare(PlanSettings before, PlanSettings after)
    {
        var changes = new List<PlanFieldChange>();
        Walk("", JsonSerializer.SerializeToNode(before, Options), JsonSerializer.SerializeToNode(after, Options), changes);
        return changes;
    }

    private static void Walk(string path, JsonNode? a, JsonNode? b, List<PlanFieldChange> changes)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
                Walk(path.Length == 0 ? key : $"{path}.{key}", oa[key], ob[key], changes);
            return;
        }

        if (a is JsonArray aa && b is JsonArray ab && (aa.Any(n => n is JsonObject) || ab.Any(n => n is JsonObject)))
        {
            for (var i = 0; i < Math.Max(aa.Count, ab.Count); i++)
                Walk($"{path}[{i}]", i < aa.Count ? aa[i] : null, i < ab.Count ? ab[i] : null, changes);
            return;
        }

        if (!JsonNode.DeepEquals(a, b))
            changes.Add(new PlanFieldChange(path, a?.ToJsonString(), b?.ToJsonString()));
    }
}
