using System.Collections.Concurrent;

namespace Platform.Grains.Tests.Cluster;

/// <summary>A grain whose only job is to prove that a reminder registered on one silo fires on another.</summary>
[Alias("Platform.Grains.Tests.Cluster.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("ArmAsync")] Task ArmAsync(TimeSpan dueTime, TimeSpan period);
    [Alias("DisarmAsync")] Task DisarmAsync();
}

public sealed class ReminderProbeGrain(ILocalSiloDetails silo) : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    /// <summary>Silo address of each probe's first tick, by grain key: the silos run in the test process.</summary>
    public static ConcurrentDictionary<string, TaskCompletionSource<SiloAddress>> Ticks { get; } = new();

    public async Task ArmAsync(TimeSpan dueTime, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task DisarmAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.GetOrAdd(this.GetPrimaryKeyString(), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(silo.SiloAddress);
        return Task.CompletedTask;
    }
}
