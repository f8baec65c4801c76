using Microsoft.Extensions.Hosting;
using Platform.Schema.Tests.Infrastructure;
using Platform.Schema.Tests.Providers.Clustering;

namespace Platform.Schema.Tests.Providers;

/// <summary>
/// Providers started against a catalogue that lacks one of their keys refuse to start (contract §1 and §7 item 1),
/// so a schema that forgets a query fails at deployment rather than at the first call. Each test edits its own database.
/// </summary>
public class ProviderStartupTests
{
    [Fact]
    public async Task Clustering_without_a_required_key_refuses_to_start_in_silo_and_client()
    {
        await using var database = await BerlinDatabase.CreateAsync("nokeycluster");
        await Sql.ExecuteAsync(database.ConnectionString, "DELETE FROM OrleansQuery WHERE QueryKey = 'UpdateIAmAlivetimeKey'");
        var clusterId = ClusteringProviders.NewClusterId();

        var silo = await Assert.ThrowsAsync<ArgumentException>(() => ClusteringProviders.TableAsync(database.ConnectionString, clusterId));
        var client = await Assert.ThrowsAsync<ArgumentException>(() => ClusteringProviders.GatewaysAsync(database.ConnectionString, clusterId));

        Assert.Contains("UpdateIAmAlivetimeKey", silo.Message, StringComparison.Ordinal);
        Assert.Contains("UpdateIAmAlivetimeKey", client.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_and_reminders_without_their_keys_refuse_to_start_and_delete_on_clear_needs_DeleteStorageKey()
    {
        await using var database = await BerlinDatabase.CreateAsync("nokeysilo");
        var connectionString = database.ConnectionString;
        await Sql.ExecuteAsync(connectionString, "DELETE FROM OrleansQuery WHERE QueryKey = 'DeleteStorageKey'");

        // Without DeleteStorageKey, storage that only clears still starts; storage that deletes on clear does not.
        await StartAndStopAsync(TestSilo.Build("ok", silo => silo.AddStorage("clearing", connectionString)));
        var deleting = await FailedStartAsync(TestSilo.Build("delete", silo => silo.AddStorage("deleting", connectionString, deleteStateOnClear: true)));
        Assert.Contains(Chain(deleting), e => e is ArgumentException && e.Message.Contains("DeleteStateOnClear", StringComparison.Ordinal));

        await Sql.ExecuteAsync(connectionString, "DELETE FROM OrleansQuery WHERE QueryKey IN ('ReadFromStorageKey', 'ReadRangeRows2Key')");
        var storage = await FailedStartAsync(TestSilo.Build("storage", silo => silo.AddStorage("clearing", connectionString)));
        var reminders = await FailedStartAsync(TestSilo.Build("reminders", silo => silo.AddReminders(connectionString)));
        Assert.Contains(Chain(storage), e => e is InvalidOperationException);
        Assert.Contains(Chain(reminders), e => e is ArgumentException && e.Message.Contains("ReadRangeRows2Key", StringComparison.Ordinal));
    }

    private static async Task StartAndStopAsync(IHost host)
    {
        using (host)
        {
            await host.StartAsync();
            await host.StopAsync();
        }
    }

    private static async Task<Exception> FailedStartAsync(IHost host)
    {
        using (host)
            return await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
    }

    /// <summary>The exception and everything inside it (silo startup wraps provider failures).</summary>
    private static IEnumerable<Exception> Chain(Exception error)
    {
        var pending = new Stack<Exception>([error]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            else if (current.InnerException is not null)
                pending.Push(current.InnerException);
        }
    }
}
