using Platform.Schema.Tests.Infrastructure;

namespace Platform.Schema.Tests.Providers.Reminders;

/// <summary>
/// The reminder queries driven through the silo's IReminderTable, which is Orleans' internal AdoNetReminderTable
/// (contract §7, items 11 to 13). Reminders start a year from now so the silo's reminder service never fires them.
/// </summary>
[Collection(SiloCollection.Name)]
public class ReminderTableTests(SiloFixture silo)
{
    private static readonly DateTime Start = new DateTime(DateTime.UtcNow.Year + 1, 3, 30, 1, 30, 0, 123, DateTimeKind.Utc);

    [Fact]
    public async Task UpsertRow_returns_version_zero_then_one_and_round_trips_a_30_day_period_in_utc()
    {
        var grain = NewGrain("player");
        var entry = Entry(grain, "daily", TimeSpan.FromDays(30));

        var first = await silo.Reminders.UpsertRow(entry);
        var second = await silo.Reminders.UpsertRow(entry);
        var read = await silo.Reminders.ReadRow(grain, "daily");

        Assert.Equal(("0", "1"), (first, second));
        Assert.NotNull(read);
        Assert.Equal(grain, read.GrainId);
        Assert.Equal("daily", read.ReminderName);
        Assert.Equal(TimeSpan.FromDays(30), read.Period);          // 2 592 000 000 ms: more than an int holds
        Assert.Equal(Start, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal("1", read.ETag);
    }

    [Fact]
    public async Task ReadRow_of_missing_reminder_is_null_and_ReadRows_returns_only_that_grains_reminders()
    {
        var grain = NewGrain("player");
        await silo.Reminders.UpsertRow(Entry(grain, "a"));
        await silo.Reminders.UpsertRow(Entry(grain, "b"));
        await silo.Reminders.UpsertRow(Entry(NewGrain("player"), "a"));

        var missing = await silo.Reminders.ReadRow(grain, "nope");
        var rows = await silo.Reminders.ReadRows(grain);

        Assert.Null(missing);
        Assert.Equal(["a", "b"], rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(grain, r.GrainId));
    }

    [Fact]
    public async Task Provider_stores_grain_hash_signed_matching_contract_test_vector()
    {
        var grain = GrainId.Parse("player/r1");
        await silo.Reminders.UpsertRow(Entry(grain, "vector"));

        var hash = await Sql.ScalarAsync<int>(silo.ConnectionString,
            "SELECT grain_hash FROM orleans_reminder WHERE service_id = @service AND grain_id = 'player/r1'", ("service", silo.ServiceId));

        Assert.Equal(931087823, hash);
        Assert.Equal(unchecked((int)grain.GetUniformHashCode()), hash);
    }

    [Fact]
    public async Task ReadRows_by_range_includes_upper_bound_excludes_lower_and_equal_bounds_mean_whole_ring()
    {
        var grain = NewGrain("ring");
        await silo.Reminders.UpsertRow(Entry(grain, "r"));
        var h = grain.GetUniformHashCode();

        Assert.True(await InRangeAsync(grain, unchecked(h - 1), h));
        Assert.False(await InRangeAsync(grain, h, unchecked(h + 1)));
        Assert.True(await InRangeAsync(grain, h, h));
        var all = await Sql.ScalarAsync<long>(silo.ConnectionString, "SELECT count(*) FROM orleans_reminder WHERE service_id = @service", ("service", silo.ServiceId));
        Assert.Equal(all, (await silo.Reminders.ReadRows(h, h)).Reminders.Count);
    }

    [Theory]
    [InlineData(0x7FFF_FFFEu, 0x8000_0000u, new[] { "max", "min" })]        // crosses the sign boundary: signed begin > end
    [InlineData(0x7FFF_FFFFu, 0x8000_0000u, new[] { "min" })]
    [InlineData(0x7FFF_FFFEu, 0x7FFF_FFFFu, new[] { "max" })]
    [InlineData(0xFFFF_FFFEu, 0x0000_0000u, new[] { "minus-one", "zero" })] // wraps the unsigned ring at zero: signed -2 < 0
    [InlineData(0x8000_0000u, 0x7FFF_FFFFu, new[] { "max", "minus-one", "zero" })] // everything but the hash 0x80000000
    [InlineData(0x0000_0000u, 0x7FFF_FFFEu, new string[0])]
    public async Task ReadRows_by_range_handles_wrap_around_and_the_sign_boundary(uint begin, uint end, string[] expected)
    {
        // Rows placed at the edges of the signed range; the provider reads hashes back without recomputing them.
        var marker = $"edge{Guid.NewGuid():N}";
        (string Name, int Hash)[] edges = [("max", int.MaxValue), ("min", int.MinValue), ("minus-one", -1), ("zero", 0)];
        foreach (var (name, hash) in edges)
        {
            await Sql.ExecuteAsync(silo.ConnectionString, """
                INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
                VALUES (@service, @grain, @name, @start, 60000, @hash, 0)
                """, ("service", silo.ServiceId), ("grain", $"{marker}/{name}"), ("name", name), ("start", Start), ("hash", hash));
        }

        var rows = await silo.Reminders.ReadRows(begin, end);

        Assert.Equal(expected.Order(), rows.Reminders.Where(r => r.GrainId.Type.ToString() == marker).Select(r => r.ReminderName).Order());
    }

    [Fact]
    public async Task RemoveRow_needs_current_etag_and_succeeds_once()
    {
        var grain = NewGrain("player");
        var etag = await silo.Reminders.UpsertRow(Entry(grain, "once"));
        await silo.Reminders.UpsertRow(Entry(grain, "once"));
        var current = (await silo.Reminders.ReadRow(grain, "once"))?.ETag;
        Assert.NotNull(current);
        Assert.NotNull(etag);

        Assert.False(await silo.Reminders.RemoveRow(grain, "once", etag));     // stale: "0", the row is at "1"
        Assert.True(await silo.Reminders.RemoveRow(grain, "once", current));
        Assert.False(await silo.Reminders.RemoveRow(grain, "once", current));
        Assert.Null(await silo.Reminders.ReadRow(grain, "once"));
    }

    [Fact]
    public async Task TestOnlyClearTable_empties_this_service_only()
    {
        var grain = NewGrain("player");
        await silo.Reminders.UpsertRow(Entry(grain, "mine"));
        await Sql.ExecuteAsync(silo.ConnectionString, """
            INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
            VALUES ('another-service', 'player/other', 'theirs', now(), 60000, 1, 0)
            """);

        await silo.Reminders.TestOnlyClearTable();

        Assert.Empty((await silo.Reminders.ReadRows(grain)).Reminders);
        Assert.Equal(0, await Sql.ScalarAsync<long>(silo.ConnectionString, "SELECT count(*) FROM orleans_reminder WHERE service_id = @service", ("service", silo.ServiceId)));
        Assert.Equal(1, await Sql.ScalarAsync<long>(silo.ConnectionString, "SELECT count(*) FROM orleans_reminder WHERE service_id = 'another-service'"));
    }

    private async Task<bool> InRangeAsync(GrainId grain, uint begin, uint end) =>
        (await silo.Reminders.ReadRows(begin, end)).Reminders.Any(r => r.GrainId == grain);

    private static GrainId NewGrain(string type) => GrainId.Create(type, Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan? period = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Start,
        Period = period ?? TimeSpan.FromMinutes(1),
    };
}
