using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Training.Evaluation;

/// <summary>
/// JSON form of evaluation results. Dice is NaN where a label is absent from both maps, and JSON has no NaN,
/// so numbers may be the strings "NaN" (System.Text.Json's named floating-point literals).
/// </summary>
public static class EvaluationJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    public static string Serialize(EvaluationSummary summary) => JsonSerializer.Serialize(summary, Options);

    public static EvaluationSummary Deserialize(string json) =>
        JsonSerializer.Deserialize<EvaluationSummary>(json, Options) ?? throw new JsonException("The evaluation JSON is null.");
}
