using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Preprocessing.Fingerprint;

/// <summary>
/// The stored and downloadable form of a <see cref="ProjectFingerprint"/> (nnU-Net's <c>dataset_fingerprint.json</c>):
/// camelCase, indented, enums by name, NaN and infinities as names. A stored fingerprint is read back from this
/// text, so a plan version configured from it sees exactly the numbers it was configured with.
/// </summary>
public static class FingerprintJson
{
    private const int HashHexDigits = 16;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(ProjectFingerprint fingerprint) => JsonSerializer.Serialize(fingerprint, Options);

    public static ProjectFingerprint Deserialize(string json) =>
        JsonSerializer.Deserialize<ProjectFingerprint>(json, Options) ?? throw new JsonException("The fingerprint document is empty.");

    /// <summary>
    /// What identifies the data a fingerprint describes: its document and the cases it was taken from (sorted), so a
    /// rescan that changes nothing yields the same hash and one that adds a case or changes intensities does not.
    /// </summary>
    public static string Hash(string document, IEnumerable<string> caseIds)
    {
        var text = document + "\n" + string.Join('\n', caseIds.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashHexDigits];
    }
}
