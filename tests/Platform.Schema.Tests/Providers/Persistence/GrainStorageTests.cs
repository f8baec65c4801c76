using System.Text.Json;
using Npgsql;
using Orleans.Storage;
using Platform.Schema.Tests.Infrastructure;

namespace Platform.Schema.Tests.Providers.Persistence;

/// <summary>
/// The persistence queries driven through Orleans' AdoNetGrainStorage in a real silo (contract §7, items 1, 9, 10):
/// the ETag sequence for every kind of key, conflicts, clear with and without delete, and concurrent first writes.
/// Each test uses a state name of its own, which is part of the row identity, so tests never share rows.
/// </summary>
[Collection(SiloCollection.Name)]
public class GrainStorageTests(SiloFixture silo)
{
    [Theory]
    [InlineData(KeyKind.String)]
    [InlineData(KeyKind.Integer)]
    [InlineData(KeyKind.IntegerWithExtension)]
    [InlineData(KeyKind.GuidWithExtension)]
    [InlineData(KeyKind.HexLooking)]
    public async Task Storage_follows_etag_sequence_through_writes_conflicts_and_clear(KeyKind kind)
    {
        var storage = silo.GrainStorage(SiloFixture.Storage);
        var (stateName, grainId) = (NewStateName(), TestGrainIds.New(kind));

        var missing = await ReadAsync(storage, stateName, grainId);
        Assert.Null(missing.ETag);
        Assert.False(missing.RecordExists);

        var state = new GrainState<Note>(new Note { Text = "one" });
        await storage.WriteStateAsync(stateName, grainId, state);
        Assert.Equal("1", state.ETag);
        state.State = new Note { Text = "two" };
        await storage.WriteStateAsync(stateName, grainId, state);
        Assert.Equal("2", state.ETag);

        // A stale ETag, and an insert (null ETag) while a row exists, both conflict and overwrite nothing.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, Note("stale", etag: "1")));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, Note("insert", etag: null)));
        Assert.Equal("two", (await ReadAsync(storage, stateName, grainId)).State?.Text);

        await storage.ClearStateAsync(stateName, grainId, state);
        Assert.Equal("3", state.ETag);
        var cleared = await ReadAsync(storage, stateName, grainId);
        Assert.Equal("3", cleared.ETag);
        Assert.False(cleared.RecordExists);

        // The cleared row still exists: a stale clear and an insert conflict with it.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(stateName, grainId, Note("", etag: "2")));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, Note("insert", etag: null)));

        state.State = new Note { Text = "four" };
        await storage.WriteStateAsync(stateName, grainId, state);
        Assert.Equal("4", state.ETag);
        var last = await ReadAsync(storage, stateName, grainId);
        Assert.Equal(("4", true, "four"), (last.ETag, last.RecordExists, last.State?.Text));
        Assert.Equal(1, await RowCountAsync(stateName));
    }

    [Theory]
    [InlineData(KeyKind.String)]
    [InlineData(KeyKind.IntegerWithExtension)]
    [InlineData(KeyKind.GuidWithExtension)]
    public async Task Storage_with_delete_on_clear_removes_row_and_next_write_starts_again_at_one(KeyKind kind)
    {
        var storage = silo.GrainStorage(SiloFixture.DeletingStorage);
        var (stateName, grainId) = (NewStateName(), TestGrainIds.New(kind));
        var state = new GrainState<Note>(new Note { Text = "one" });
        await storage.WriteStateAsync(stateName, grainId, state);
        await storage.WriteStateAsync(stateName, grainId, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(stateName, grainId, Note("", etag: "1")));
        Assert.Equal(1, await RowCountAsync(stateName));
        await storage.ClearStateAsync(stateName, grainId, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0, await RowCountAsync(stateName));
        Assert.Null((await ReadAsync(storage, stateName, grainId)).ETag);
        state.State = new Note { Text = "again" };
        await storage.WriteStateAsync(stateName, grainId, state);
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task Storage_concurrent_first_writes_have_exactly_one_winner()
    {
        var storage = silo.GrainStorage(SiloFixture.Storage);
        var (stateName, grainId) = (NewStateName(), TestGrainIds.New(KeyKind.String));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await storage.WriteStateAsync(stateName, grainId, Note($"writer {i}", etag: null));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
        Assert.Equal(1, await RowCountAsync(stateName));
        Assert.Equal("1", (await ReadAsync(storage, stateName, grainId)).ETag);
    }

    [Fact]
    public async Task Storage_integer_key_with_extension_and_string_key_differ_only_in_grain_id_hash()
    {
        var storage = silo.GrainStorage(SiloFixture.Storage);
        var stateName = NewStateName();
        // Integer 0 with extension "x" and string key "x" split into the same N0/N1/extension.
        await storage.WriteStateAsync(stateName, TestGrainIds.IntegerKey(0, "x"), Note("integer", etag: null));
        await storage.WriteStateAsync(stateName, TestGrainIds.StringKey("x"), Note("string", etag: null));

        var rows = await Sql.RowsAsync(silo.ConnectionString,
            "SELECT grain_id_n0, grain_id_n1, grain_id_extension_string, grain_id_hash FROM orleans_storage WHERE grain_type_string = @state",
            ("state", stateName));

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal<object?>([0L, 0L, "x"], r[..3]));
        Assert.NotEqual(rows[0][3], rows[1][3]);
        Assert.Equal("integer", (await ReadAsync(storage, stateName, TestGrainIds.IntegerKey(0, "x"))).State?.Text);
        Assert.Equal("string", (await ReadAsync(storage, stateName, TestGrainIds.StringKey("x"))).State?.Text);
    }

    [Fact]
    public async Task Storage_at_int_max_version_refuses_to_wrap_but_can_still_delete()
    {
        var storage = silo.GrainStorage(SiloFixture.Storage);
        var (stateName, grainId) = (NewStateName(), TestGrainIds.New(KeyKind.String));
        await storage.WriteStateAsync(stateName, grainId, Note("old", etag: null));
        await Sql.ExecuteAsync(silo.ConnectionString, "UPDATE orleans_storage SET version = 2147483647 WHERE grain_type_string = @state", ("state", stateName));
        var atMax = await ReadAsync(storage, stateName, grainId);
        Assert.Equal("2147483647", atMax.ETag);

        atMax.State = new Note { Text = "new" };
        var error = await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteStateAsync(stateName, grainId, atMax));
        Assert.IsNotType<InconsistentStateException>(error);
        Assert.Equal(PostgresErrorCodes.NumericValueOutOfRange, Assert.IsType<PostgresException>(error.GetBaseException()).SqlState);
        Assert.Equal("old", (await ReadAsync(storage, stateName, grainId)).State?.Text);

        await silo.GrainStorage(SiloFixture.DeletingStorage).ClearStateAsync(stateName, grainId, atMax);
        Assert.Null(atMax.ETag);
        Assert.Equal(0, await RowCountAsync(stateName));
    }

    [Fact]
    public async Task Grain_writes_reach_its_row_through_the_runtime()
    {
        var key = $"counter-{Guid.NewGuid():N}";
        var counter = silo.Grains.GetGrain<ICounterGrain>(key);

        await counter.IncrementAsync();
        Assert.Equal(2, await counter.IncrementAsync());
        var written = await CounterRowAsync(key);
        await counter.ClearAsync();
        var cleared = await CounterRowAsync(key);

        Assert.Equal(2, written[0]);
        Assert.Equal(2, CountIn((byte[])written[1]!));
        Assert.Equal(3, cleared[0]);
        Assert.Null(cleared[1]);
    }

    private async Task<object?[]> CounterRowAsync(string key) => Assert.Single(await Sql.RowsAsync(silo.ConnectionString,
        "SELECT version, payload_binary FROM orleans_storage WHERE service_id = @service AND grain_type_string = 'counter' AND grain_id_extension_string = @key",
        ("service", silo.ServiceId), ("key", key)));

    /// <summary>The count in a stored payload: the serializer's UTF-8 JSON, property name in whatever case it chose.</summary>
    private static int CountIn(byte[] payload)
    {
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.EnumerateObject().Single(p => p.NameEquals("Count") || p.NameEquals("count")).Value.GetInt32();
    }

    private static string NewStateName() => $"note-{Guid.NewGuid():N}";

    private static GrainState<Note> Note(string text, string? etag) => new(new Note { Text = text }) { ETag = etag };

    private static async Task<GrainState<Note>> ReadAsync(IGrainStorage storage, string stateName, GrainId grainId)
    {
        var state = new GrainState<Note>();
        await storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }

    private Task<long> RowCountAsync(string stateName) =>
        Sql.ScalarAsync<long>(silo.ConnectionString, "SELECT count(*) FROM orleans_storage WHERE service_id = @service AND grain_type_string = @state",
            ("service", silo.ServiceId), ("state", stateName));
}
