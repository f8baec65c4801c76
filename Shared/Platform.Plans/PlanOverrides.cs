using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Plans;

/// <summary>Lays sampled values over a plan by JSON field path and checks the result with <see cref="PlanRules"/>.</summary>
public static class PlanOverrides
{
    /// <exception cref="PlanFieldException">A path names no plan field, a value does not fit its field, or the plan breaks a rule.</exception>
    public static PlanSettings Apply(PlanSettings basis, IReadOnlyDictionary<string, string> values, string trialName)
    {
        var document = JsonSerializer.SerializeToNode(basis, PlanJson.Options)!.AsObject();
        foreach (var (path, value) in values)
        {
            var segments = path.Split('.');
            var parent = document;
            for (var i = 0; i < segments.Length - 1; i++)
                parent = Child(parent, segments[i]) as JsonObject
                    ?? throw new PlanFieldException("parameters", $"'{path}' is not a plan field path (no section '{segments[i]}').");
            var leaf = parent.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, segments[^1], StringComparison.OrdinalIgnoreCase))
                ?? throw new PlanFieldException("parameters", $"'{path}' is not a plan field path (no field '{segments[^1]}').");
            parent[leaf] = JsonNode.Parse(value);
        }

        PlanSettings settings;
        try
        {
            settings = document.Deserialize<PlanSettings>(PlanJson.Options) ?? throw new JsonException("empty plan");
        }
        catch (JsonException e)
        {
            throw new PlanFieldException("parameters", $"{trialName}: a sampled value does not fit its plan field: {e.Message}");
        }

        var errors = PlanRules.Check(settings);
        return errors.Count == 0
            ? settings
            : throw new PlanFieldException(errors[0].Field, $"{trialName}: the sampled plan is invalid: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
    }

    private static JsonNode? Child(JsonObject parent, string name) =>
        parent.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
