using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Platform.Plans;

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

    /// <summary>
    /// Reads a plan document laid over <paramref name="basis"/>: fields the document leaves out keep the basis'
    /// values, so a partial document (a hand-written one, or one from an older version) is complete after reading.
    /// An explicit null clears only the fields that may be empty (source plan, imported folder, remappings).
    /// </summary>
    public static PlanSettings DeserializeOver(PlanSettings basis, string json)
    {
        var document = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("A plan document is a JSON object.");
        var merged = JsonSerializer.SerializeToNode(basis, Options)!.AsObject();
        Merge(merged, document);
        return merged.Deserialize<PlanSettings>(Options) ?? throw new JsonException("A plan document is empty.");
    }

    private static readonly HashSet<string> Clearable = new(StringComparer.OrdinalIgnoreCase)
    {
        "sourcePlan", "importedFolder", "remappingSource", "remappingLbd", "remappingImported", "remappingWhole", "remappingTrain", "unmappedTo",
    };

    private static void Merge(JsonObject target, JsonObject overlay)
    {
        foreach (var (name, value) in overlay.ToList())
        {
            var key = target.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            if (value is null)
            {
                if (Clearable.Contains(key))
                    target[key] = null;
                continue;
            }

            if (value is JsonObject nested && target[key] is JsonObject existing && !key.StartsWith("remapping", StringComparison.OrdinalIgnoreCase))
                Merge(existing, nested);
            else
                target[key] = value.DeepClone();
        }
    }

    /// <summary>Field-by-field differences (fields as <see cref="PlanFields"/> walks them), values as JSON text.</summary>
    public static IReadOnlyList<PlanFieldChange> Compare(PlanSettings before, PlanSettings after)
    {
        var changes = new List<PlanFieldChange>();
        PlanFields.Walk([before, after], (path, values) =>
        {
            if (!JsonNode.DeepEquals(values[0], values[1]))
                changes.Add(new PlanFieldChange(path.Text, values[0]?.ToJsonString(), values[1]?.ToJsonString()));
        });
        return changes;
    }
}
