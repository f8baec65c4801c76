using Platform.Imaging.Volumes;
using Platform.Preprocessing.Fingerprint;

namespace Platform.Preprocessing.Tests.Fingerprint;

public sealed class FingerprintJsonTests
{
    private static CaseStatistics Case(string id, double offset) =>
        new(id, "ds", new GridSize(10, 10, 5), new Vector3D(0.8, 0.8, 2.5), [new LabelVoxels(1, 40)],
            [new ChannelIntensityStats(4, offset + 2.5, 1.1, offset, offset + 4, offset + 0.1, offset + 3.9, [offset, offset + 1, offset + 3, offset + 4])], null);

    [Fact]
    public void A_stored_document_reads_back_to_the_same_fingerprint()
    {
        var fingerprint = FingerprintBuilder.Build([Case("a", 0), Case("b", 100), Case("c", -50) with { ExclusionReason = "empty label map" }]);

        var json = FingerprintJson.Serialize(fingerprint);
        var read = FingerprintJson.Deserialize(json);

        Assert.Equal(json, FingerprintJson.Serialize(read));
        Assert.Equal(fingerprint.Channels, read.Channels);
        Assert.Equal(fingerprint.Spacing, read.Spacing);
        Assert.Equal(fingerprint.Excluded, read.Excluded);
        Assert.Contains("\"percentile99_5\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"percentile10\": {", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hash_changes_with_the_numbers_or_the_cases_and_not_with_case_order()
    {
        var document = FingerprintJson.Serialize(FingerprintBuilder.Build([Case("a", 0), Case("b", 100)]));
        var other = FingerprintJson.Serialize(FingerprintBuilder.Build([Case("a", 0), Case("b", 101)]));

        Assert.Equal(FingerprintJson.Hash(document, ["ds/a", "ds/b"]), FingerprintJson.Hash(document, ["ds/b", "ds/a"]));
        Assert.NotEqual(FingerprintJson.Hash(document, ["ds/a", "ds/b"]), FingerprintJson.Hash(other, ["ds/a", "ds/b"]));
        Assert.NotEqual(FingerprintJson.Hash(document, ["ds/a", "ds/b"]), FingerprintJson.Hash(document, ["ds/a", "ds/b", "ds/c"]));
    }
}
