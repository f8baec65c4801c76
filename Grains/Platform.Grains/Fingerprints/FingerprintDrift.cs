using System.Globalization;
using Platform.Grains.Abstractions.Projects;

namespace Platform.Grains.Fingerprints;

/// <summary>
/// What changed between a recorded fingerprint and the current one, in numbers and in words: usable cases added and
/// removed, and whether the statistics CT normalisation takes (mean, standard deviation, 0.5 and 99.5 percentiles of
/// the foreground) moved. Any other change of the data (spacing, labels) is reported as a change too.
/// </summary>
public static class FingerprintDrift
{
    public static DataDrift NothingRecorded(long? recordedId) => new(recordedId, null, false, 0, 0, false, null);

    public static DataDrift Compare(StoredFingerprint recorded, StoredFingerprint current, string since)
    {
        if (recorded.Hash == current.Hash)
            return new DataDrift(recorded.Id, current.Id, false, 0, 0, false, null);
        var before = recorded.CaseIds.ToHashSet(StringComparer.Ordinal);
        var now = current.CaseIds.ToHashSet(StringComparer.Ordinal);
        var added = now.Count(c => !before.Contains(c));
        var removed = before.Count(c => !now.Contains(c));
        var ct = CtStatisticsChanged(recorded, current);
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{added} {(added == 1 ? "case" : "cases")} added/{removed} removed"),
            ct ? "CT statistics changed" : "CT statistics unchanged",
        };
        var message = $"Data changed since {since}: {string.Join(", ", parts)}. It keeps using the data it was configured with; save a new version (or re-configure) to use the new data.";
        return new DataDrift(recorded.Id, current.Id, true, added, removed, ct, message);
    }

    private static bool CtStatisticsChanged(StoredFingerprint recorded, StoredFingerprint current)
    {
        var a = recorded.Fingerprint.Channels;
        var b = current.Fingerprint.Channels;
        return a.Count != b.Count || a.Zip(b).Any(p =>
            p.First.Mean != p.Second.Mean || p.First.Std != p.Second.Std
            || p.First.Percentile00_5 != p.Second.Percentile00_5 || p.First.Percentile99_5 != p.Second.Percentile99_5);
    }
}
