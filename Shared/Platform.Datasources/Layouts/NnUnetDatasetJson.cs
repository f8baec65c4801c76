using System.Globalization;
using System.Text.Json;

namespace Platform.Datasources.Layouts;

/// <summary>
/// The parts of nnU-Net's dataset.json that describe the raw files. Both generations are read: v2's
/// <c>channel_names</c> and <c>labels</c> {name: value}, and v1's <c>modality</c> and <c>labels</c>
/// {"value": name}; v1 has no <c>file_ending</c> and always used ".nii.gz".
/// </summary>
/// <param name="Channels">Channel index → name (CT, T1, ...).</param>
/// <param name="Labels">Label name → value (region-based labels, given as lists, are left out).</param>
/// <param name="FileEnding">The file ending every image and label uses.</param>
/// <param name="NumTraining">numTraining, when present.</param>
public sealed record NnUnetDatasetJson(
    IReadOnlyDictionary<int, string> Channels,
    IReadOnlyDictionary<string, int> Labels,
    string FileEnding,
    int? NumTraining)
{
    public const string DefaultFileEnding = ".nii.gz";

    /// <summary>Parses the text; on failure returns null and <paramref name="reason"/> says what is wrong.</summary>
    public static NnUnetDatasetJson? TryParse(string json, out string reason)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                reason = "dataset.json must hold a JSON object";
                return null;
            }

            var channels = ReadChannels(root, out reason);
            if (channels is null)
                return null;
            var labels = ReadLabels(root);
            var ending = root.TryGetProperty("file_ending", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString()! : DefaultFileEnding;
            int? numTraining = root.TryGetProperty("numTraining", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var count)
                ? count : null;
            reason = string.Empty;
            return new NnUnetDatasetJson(channels, labels, ending, numTraining);
        }
        catch (JsonException ex)
        {
            reason = $"dataset.json is not valid JSON: {ex.Message}";
            return null;
        }
    }

    private static Dictionary<int, string>? ReadChannels(JsonElement root, out string reason)
    {
        reason = string.Empty;
        if (!root.TryGetProperty("channel_names", out var names) && !root.TryGetProperty("modality", out names))
        {
            reason = "dataset.json has neither 'channel_names' nor 'modality'";
            return null;
        }

        if (names.ValueKind != JsonValueKind.Object)
        {
            reason = "dataset.json's channel names must be an object {\"0\": \"CT\", ...}";
            return null;
        }

        var channels = new Dictionary<int, string>();
        foreach (var property in names.EnumerateObject())
        {
            if (!int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                reason = $"dataset.json's channel key '{property.Name}' is not a channel number";
                return null;
            }

            channels[index] = property.Value.ToString();
        }

        if (channels.Count == 0 || channels.Keys.Order().Select((k, i) => k == i).Any(ok => !ok))
        {
            reason = "dataset.json's channels must be numbered 0, 1, ... without gaps";
            return null;
        }

        return channels;
    }

    private static Dictionary<string, int> ReadLabels(JsonElement root)
    {
        var labels = new Dictionary<string, int>();
        if (!root.TryGetProperty("labels", out var element) || element.ValueKind != JsonValueKind.Object)
            return labels;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var value))
                labels[property.Name] = value; // v2: name → value
            else if (property.Value.ValueKind == JsonValueKind.String
                     && int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var v1Value))
                labels[property.Value.GetString()!] = v1Value; // v1: "value" → name
        }

        return labels;
    }
}
