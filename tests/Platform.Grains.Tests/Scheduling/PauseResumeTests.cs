using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Training.Execution;
using Platform.Silo.Training;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;
using static Platform.Grains.Tests.Scheduling.TrainingSetup;

namespace Platform.Grains.Tests.Scheduling;

/// <summary>Pause, resume and cancel on one CPU-training silo running the simulated executor; and a silo with no engine.</summary>
public sealed class PauseResumeTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static Dictionary<string, string?> Simulated(int epochs, int checkpointEvery) => new()
    {
        ["Platform:Training:CpuTraining"] = "true",
        ["Platform:Training:Executor"] = SimulatedTrainingExecutor.Name,
        ["Platform:Training:Simulated:Epochs"] = epochs.ToString(),
        ["Platform:Training:Simulated:EpochMilliseconds"] = "150",
        ["Platform:Training:Simulated:CheckpointEvery"] = checkpointEvery.ToString(),
    };

    [Fact]
    public async Task A_paused_run_stops_at_the_end_of_its_epoch_with_a_checkpoint_frees_its_slot_and_resumes_from_there()
    {
        using var data = new TempDataRoot();
        // No periodic checkpoint before the last epoch: the pause writes its own at the end of the epoch it was asked in.
        await using var silo = await TrainingSilo.StartAsync(database.ConnectionString, $"pause-{Guid.NewGuid():N}"[..14], data.Root, Simulated(epochs: 8, checkpointEvery: 100));
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-p");
        await CreateLabAsync(silo.Grains, lab);

        var first = await SubmitAsync(silo.Grains, lab);
        var second = await SubmitAsync(silo.Grains, lab);
        await WaitForRunAsync(silo.Grains, first, r => r.State == RunState.Running && r.Metrics.Count >= 1, "running an epoch");
        Assert.Equal(RunState.Queued, (await RunAsync(silo.Grains, second)).State);

        var asked = await silo.Grains.GetGrain<ITrainingRunGrain>(first).PauseAsync();
        Assert.Equal(RunState.Running, asked.State); // it finishes its epoch first
        Assert.True(asked.PauseRequested, "the pending pause is part of the run's snapshot (a reloaded page shows it)");
        var epochWhenAsked = asked.Metrics.Count;
        var paused = await WaitForRunAsync(silo.Grains, first, r => r.State == RunState.Paused, "paused");
        Assert.False(paused.PauseRequested);
        var checkpoint = Assert.IsType<CheckpointRecord>(paused.LastCheckpoint);
        Assert.True(File.Exists(Path.Combine(data.Root, checkpoint.Path)), $"checkpoint {checkpoint.Path} is not on disk");
        Assert.Equal(checkpoint.Epoch, paused.Metrics.Max(m => m.Epoch)); // stopped right after it: no work lost
        // The epoch under way (or the one whose report was in flight), not a later checkpoint.
        Assert.InRange(checkpoint.Epoch, epochWhenAsked - 1, epochWhenAsked);
        Assert.Contains($"paused after epoch {checkpoint.Epoch}", paused.History[^1].Reason);

        // The freed slot (one on a CPU silo) goes to the waiting run; cancelling it frees the slot again.
        await WaitForRunAsync(silo.Grains, second, r => r.State == RunState.Running, "running");
        await silo.Grains.GetGrain<ITrainingRunGrain>(second).CancelAsync("not needed");

        await silo.Grains.GetGrain<ITrainingRunGrain>(first).ResumeAsync();
        var done = await WaitForRunAsync(silo.Grains, first, r => r.State == RunState.Completed, "completed");
        Assert.Equal(checkpoint.Epoch, done.Result!.FinalMetrics["resumed-from-epoch"]);
        Assert.Equal(Enumerable.Range(0, 8), done.Metrics.Select(m => m.Epoch));
        Assert.Contains(done.History, h => h.To == RunState.Running && h.Reason!.Contains($"from epoch {checkpoint.Epoch + 1}"));
        Assert.Equal(RunState.Cancelled, (await RunAsync(silo.Grains, second)).State);
    }

    [Fact]
    public async Task A_run_placed_on_a_silo_without_an_engine_fails_with_that_reason()
    {
        using var data = new TempDataRoot();
        var settings = new Dictionary<string, string?> { ["Platform:Training:CpuTraining"] = "true", ["Platform:Training:Executor"] = NoTrainingEngineExecutor.Name };
        await using var silo = await TrainingSilo.StartAsync(database.ConnectionString, $"noeng-{Guid.NewGuid():N}"[..14], data.Root, settings);
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-n");
        await CreateLabAsync(silo.Grains, lab);

        var run = await SubmitAsync(silo.Grains, lab);

        var failed = await WaitForRunAsync(silo.Grains, run, r => r.State == RunState.Failed, "failed");
        Assert.Contains(NoTrainingEngineExecutor.Reason, failed.History[^1].Reason);
        Assert.Equal([RunState.Queued, RunState.Preparing, RunState.Failed], failed.History.Select(h => h.To));
    }

    [Fact]
    public async Task An_unreadable_checkpoint_fails_the_run_with_that_reason()
    {
        using var data = new TempDataRoot();
        await using var silo = await TrainingSilo.StartAsync(database.ConnectionString, $"ckpt-{Guid.NewGuid():N}"[..14], data.Root, Simulated(epochs: 8, checkpointEvery: 2));
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-u");
        await CreateLabAsync(silo.Grains, lab);
        var run = await SubmitAsync(silo.Grains, lab);
        var paused = await PauseAfterCheckpointAsync(silo, run);

        await File.WriteAllTextAsync(Path.Combine(data.Root, paused.LastCheckpoint!.Path), "not an epoch");
        await silo.Grains.GetGrain<ITrainingRunGrain>(run).ResumeAsync();

        var failed = await WaitForRunAsync(silo.Grains, run, r => r.State == RunState.Failed, "failed");
        Assert.Contains("checkpoint unreadable", failed.History[^1].Reason);
    }

    private static async Task<RunSnapshot> PauseAfterCheckpointAsync(TrainingSilo silo, string run)
    {
        await WaitForRunAsync(silo.Grains, run, r => r.State == RunState.Running, "running");
        await silo.Grains.GetGrain<ITrainingRunGrain>(run).PauseAsync();
        return await WaitForRunAsync(silo.Grains, run, r => r.State == RunState.Paused, "paused");
    }
}
