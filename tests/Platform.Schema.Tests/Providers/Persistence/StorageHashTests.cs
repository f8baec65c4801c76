using Platform.Schema.Tests.Infrastructure;

namespace Platform.Schema.Tests.Providers.Persistence;

/// <summary>
/// The identity columns the real provider writes, against the test vectors of contract §3 (default XxHash32 hasher).
/// Only this test uses the state name "state", the one the GrainTypeHash vector is for.
/// </summary>
[Collection(SiloCollection.Name)]
public class StorageHashTests(SiloFixture silo)
{
    private const int StateTypeHash = 631257761;

    [Fact]
    public async Task Provider_writes_identity_columns_matching_contract_test_vectors()
    {
        var storage = silo.GrainStorage(SiloFixture.Storage);
        var guid = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        (GrainId Id, long N0, long N1, string? Extension, int? Hash)[] expected =
        [
            (TestGrainIds.StringKey("del"), 0, 0, "del", 841539322),
            (TestGrainIds.IntegerKey(42), 0, 42, null, -110949262),
            (TestGrainIds.IntegerKey(7, "ext7"), 0, 7, "ext7", 192077831),
            (TestGrainIds.StringKey("abc"), 0, 2748, null, -1454169915), // hex-looking: stored as an integer key
            (TestGrainIds.GuidKey(guid, "ext"), BitConverter.ToInt64(guid.ToByteArray(), 0), BitConverter.ToInt64(guid.ToByteArray(), 8), "ext", null),
        ];
        foreach (var row in expected)
            await storage.WriteStateAsync("state", row.Id, new GrainState<Note>(new Note { Text = row.Id.ToString() }));

        var stored = await Sql.RowsAsync(silo.ConnectionString, """
            SELECT grain_id_n0, grain_id_n1, grain_id_extension_string, grain_id_hash, grain_type_hash, grain_type_string
              FROM orleans_storage WHERE service_id = @service AND grain_type_string = 'state'
            """, ("service", silo.ServiceId));

        Assert.Equal(expected.Length, stored.Count);
        foreach (var (_, n0, n1, extension, hash) in expected)
        {
            var row = Assert.Single(stored, r => (long)r[0]! == n0 && (long)r[1]! == n1 && Equals(r[2], extension));
            if (hash is not null)
                Assert.Equal(hash, row[3]);
            Assert.Equal(StateTypeHash, row[4]);
        }
    }
}
