using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Training.Postprocessing;

/// <summary>JSON form of a postprocessing plan or selection (enums by name, so a file says what it means).</summary>
public static class PostprocessingJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public static string Serialize(PostprocessingPlan plan) => JsonSerializer.Serialize(plan, Options);

    public static PostprocessingPlan DeserializePlan(string json) =>
        JsonSerializer.Deserialize<PostprocessingPlan>(json, Options) ?? throw new JsonException("The postprocessing plan JSON is null.");

    public static string Serialize(PostprocessingSelection selection) => JsonSerializer.Serialize(selection, Options);
}
