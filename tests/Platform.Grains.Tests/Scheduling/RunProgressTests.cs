using System.Collections.Concurrent;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Silo.Training;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;
using static Platform.Grains.Tests.Scheduling.TrainingSetup;

namespace Platform.Grains.Tests.Scheduling;

/// <summary>A run pushes its epochs, progress within epochs and state changes to subscribers who may see it, and to no one else.</summary>
public sealed class RunProgressTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private sealed class Recorder : IRunProgressObserver
    {
        public ConcurrentQueue<string> Events { get; } = new();

        public void EpochRecorded(string runKey, EpochMetrics metrics) => Events.Enqueue($"epoch {metrics.Epoch}");

        public void StateChanged(string runKey, RunState state, string? reason) => Events.Enqueue($"state {state}");

        public void IterationsReported(string runKey, RunIterations iterations) =>
            Events.Enqueue($"iterations {iterations.Epoch}: {iterations.IterationsDone}/{iterations.IterationsPerEpoch}");
    }

    [Fact]
    public async Task A_subscriber_sees_every_epoch_and_state_change_live_and_another_labs_member_cannot_subscribe()
    {
        using var data = new TempDataRoot();
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Training:CpuTraining"] = "true",
            ["Platform:Training:Executor"] = SimulatedTrainingExecutor.Name,
            ["Platform:Training:Simulated:Epochs"] = "4",
            ["Platform:Training:Simulated:EpochMilliseconds"] = "150",
            ["Platform:Training:Simulated:CheckpointEvery"] = "2",
            ["Platform:Training:Simulated:IterationsPerEpoch"] = "3",
            ["Platform:Training:Simulated:IterationReportMilliseconds"] = "0",
        };
        await using var silo = await TrainingSilo.StartAsync(database.ConnectionString, $"prog-{Guid.NewGuid():N}"[..14], data.Root, settings);
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-w");
        await CreateLabAsync(silo.Grains, lab);
        var recorder = new Recorder();
        var observer = silo.Grains.CreateObjectReference<IRunProgressObserver>(recorder);

        var key = await SubmitAsync(silo.Grains, lab);
        await silo.Grains.GetGrain<ITrainingRunGrain>(key).SubscribeAsync(observer);
        await WaitForRunAsync(silo.Grains, key, r => r.State == RunState.Completed, "completed");
        await WaitForAsync(() => Task.FromResult(recorder.Events.ToArray()), e => e.Contains("state Completed"), "the completion to reach the subscriber");

        var events = recorder.Events.ToList();
        Assert.Equal(["epoch 0", "epoch 1", "epoch 2", "epoch 3"], events.Where(e => e.StartsWith("epoch", StringComparison.Ordinal)));
        var running = events.IndexOf("state Running");
        Assert.True(running >= 0 && running < events.IndexOf("epoch 0"), string.Join(", ", events));
        Assert.Equal("state Completed", events[^1]);
        // Progress within each epoch, every step here (the engine reports every 2 s).
        Assert.Contains("iterations 0: 1/3", events);
        Assert.Contains("iterations 3: 3/3", events);
        Assert.Null((await RunAsync(silo.Grains, key)).Iterations); // transient: gone once the run completed

        TestIdentity.ActAs("someone-from-elsewhere");
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => silo.Grains.GetGrain<ITrainingRunGrain>(key).SubscribeAsync(observer));
    }
}
