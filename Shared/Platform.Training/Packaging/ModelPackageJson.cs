using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Imaging.Volumes;
using Platform.Plans;

namespace Platform.Training.Packaging;

/// <summary>
/// The JSON form of <c>model.json</c>: the plan document's own conventions (camelCase, enums by name; the plan is
/// written exactly as <see cref="PlanJson"/> writes it), indented, and shapes and spacings as [x, y, z] so a person
/// can read the file.
/// </summary>
public static class ModelPackageJson
{
    public static JsonSerializerOptions Options { get; } = new(PlanJson.Options)
    {
        WriteIndented = true,
        Converters = { new Shape3Converter(), new Vector3DConverter() },
    };

    public static string Serialize(ModelManifest manifest) => JsonSerializer.Serialize(manifest, Options);

    public static ModelManifest Deserialize(string json) =>
        JsonSerializer.Deserialize<ModelManifest>(json, Options) ?? throw new JsonException("The manifest is null.");

    private sealed class Shape3Converter : JsonConverter<Shape3>
    {
        public override Shape3 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadTriple<int>(ref reader, options) is [var x, var y, var z] ? new Shape3(x, y, z) : throw new JsonException("A shape is [x, y, z].");

        public override void Write(Utf8JsonWriter writer, Shape3 value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new[] { value.X, value.Y, value.Z }, options);
    }

    private sealed class Vector3DConverter : JsonConverter<Vector3D>
    {
        public override Vector3D Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadTriple<double>(ref reader, options) is [var x, var y, var z] ? new Vector3D(x, y, z) : throw new JsonException("A vector is [x, y, z].");

        public override void Write(Utf8JsonWriter writer, Vector3D value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new[] { value.X, value.Y, value.Z }, options);
    }

    private static T[]? ReadTriple<T>(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T[]>(ref reader, options);
}
