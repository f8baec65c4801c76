using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Plans;

/// <summary>
/// The fields of a plan as comparisons and merges see them, walked over several versions in step: objects key by key,
/// lists of objects (network stages) item by item, everything else (numbers, text, enums, lists of numbers) as one value.
/// Where the versions disagree on shape (an object in one, null or missing in another) the whole value is one field.
/// The single field enumeration behind <see cref="PlanJson.Compare"/> and <see cref="PlanMerge"/>.
/// </summary>
public static class PlanFields
{
    /// <summary>Calls <paramref name="visit"/> once per field with the field's path and its value in each version (null where absent).</summary>
    public static void Walk(IReadOnlyList<PlanSettings> versions, Action<PlanFieldPath, IReadOnlyList<JsonNode?>> visit)
    {
        ArgumentNullException.ThrowIfNull(versions);
        WalkFrom(PlanFieldPath.Root, [.. versions.Select(v => JsonSerializer.SerializeToNode(v, PlanJson.Options))], visit);
    }

    private static void WalkFrom(PlanFieldPath path, JsonNode?[] nodes, Action<PlanFieldPath, IReadOnlyList<JsonNode?>> visit)
    {
        if (nodes.All(n => n is JsonObject) && nodes.Any(n => n!.AsObject().Count > 0))
        {
            foreach (var key in nodes.SelectMany(n => n!.AsObject().Select(p => p.Key)).Distinct(StringComparer.Ordinal))
                WalkFrom(path.Key(key), [.. nodes.Select(n => n!.AsObject()[key])], visit);
            return;
        }

        if (nodes.All(n => n is JsonArray) && nodes.Any(n => n!.AsArray().Any(item => item is JsonObject)))
        {
            var count = nodes.Max(n => n!.AsArray().Count);
            for (var i = 0; i < count; i++)
                WalkFrom(path.Index(i), [.. nodes.Select(n => i < n!.AsArray().Count ? n.AsArray()[i] : null)], visit);
            return;
        }

        visit(path, nodes);
    }

    /// <summary>
    /// Builds a plan from field values in walk order (as <see cref="Walk"/> produced them): the inverse of the walk.
    /// A null item of a list of objects is an item that does not exist in the chosen version, so it is left out.
    /// </summary>
    public static PlanSettings Assemble(IEnumerable<(PlanFieldPath Path, JsonNode? Value)> fields)
    {
        var root = new JsonObject();
        foreach (var (path, value) in fields)
            path.SetIn(root, value?.DeepClone());
        PlanFieldPath.DropMissingItems(root);
        return root.Deserialize<PlanSettings>(PlanJson.Options) ?? throw new JsonException("A plan document is empty.");
    }
}
