using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;

namespace Platform.Grains.Tests.Scheduling;

/// <summary>Labs with a project and a plan, and runs of that plan; the caller must act as the platform administrator.</summary>
public static class TrainingSetup
{
    public const string Project = "kidney", Plan = "base";

    public static string NewLabId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..16];

    public static async Task CreateLabAsync(IGrainFactory grains, string lab)
    {
        await grains.GetGrain<ILabGrain>(GrainKeys.Lab(lab)).CreateAsync("Lab " + lab, TestIdentity.Admin);
        await grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab, Project)).CreateAsync("Kidney");
        await grains.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, Project, Plan)).ReviseAsync(SamplePlans.Small(), 0, null);
    }

    /// <summary>A run on all cases (no fold: these labs have no cases to split, and the scheduler never looks at the fold).</summary>
    public static async Task<string> SubmitAsync(IGrainFactory grains, string lab, int priority = 0)
    {
        var key = GrainKeys.Run(lab, Project, RunIds.New(Plan, null, DateTimeOffset.UtcNow));
        await grains.GetGrain<ITrainingRunGrain>(key).CreateAsync(new RunRequest(Plan, 1, null, 7, null, priority));
        return key;
    }

    /// <summary>Waits until every training silo's metadata has reached the scheduler, as the lab's queue view counts slots.</summary>
    public static Task<TrainingQueueView> WaitForSlotsAsync(IGrainFactory grains, string lab, int slots) =>
        WaitForAsync(() => grains.GetGrain<ITrainingQueueGrain>(GrainKeys.TrainingQueue(lab)).GetAsync(), q => q.TrainingSlots == slots, $"{slots} training slots");

    public static async Task<RunSnapshot> RunAsync(IGrainFactory grains, string runKey) =>
        (await grains.GetGrain<ITrainingRunGrain>(runKey).GetAsync())!;

    /// <summary>Polls until the run satisfies <paramref name="condition"/>; fails with the run's last state and history otherwise.</summary>
    public static async Task<RunSnapshot> WaitForRunAsync(IGrainFactory grains, string runKey, Func<RunSnapshot, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        RunSnapshot? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await RunAsync(grains, runKey);
                if (condition(last))
                    return last;
            }
            catch (Exception exception) when (exception is TimeoutException or OrleansException)
            {
                // A grain on a silo that just died answers once the cluster has noticed; keep polling.
            }

            await Task.Delay(100);
        }

        var history = last is null ? "(never read)" : string.Join("; ", last.History.Select(h => $"{h.From}->{h.To} {h.Reason}"));
        throw new Xunit.Sdk.XunitException($"Run {runKey} did not become {what} in time; last state {last?.State}, history: {history}");
    }

    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last = default!;
        while (DateTime.UtcNow < deadline)
        {
            last = await read();
            if (condition(last))
                return last;
            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}; last value: {last}");
    }
}
