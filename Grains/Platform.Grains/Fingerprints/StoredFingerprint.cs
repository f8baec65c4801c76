using Platform.Preprocessing.Fingerprint;

namespace Platform.Grains.Fingerprints;

/// <summary>
/// A fingerprint as stored (dataset_fingerprint, migration 0013): which datasources it covers, its hash and time,
/// the document it was stored as (read back into <see cref="Fingerprint"/>), and the usable cases it was taken from
/// (<c>datasource/case</c>).
/// </summary>
public sealed record StoredFingerprint(
    long Id,
    IReadOnlyList<string> Datasources,
    string Hash,
    DateTimeOffset CreatedAt,
    string Document,
    IReadOnlyList<string> CaseIds)
{
    public ProjectFingerprint Fingerprint { get; } = FingerprintJson.Deserialize(Document);

    public static string CaseKey(string datasource, string caseId) => $"{datasource}/{caseId}";
}
