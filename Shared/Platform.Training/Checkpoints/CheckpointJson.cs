using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Training.Checkpoints;

/// <summary>JSON settings of the checkpoint state. Pseudo-Dice is NaN for classes absent from prediction and
/// reference, which standard JSON cannot hold, hence the named floating-point literals.</summary>
internal static class CheckpointJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
