using System.Security.Cryptography;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Testing;
using Platform.Training.Checkpoints;
using Xunit;

namespace Platform.Grains.Tests.Engine;

/// <summary>
/// Real engine runs whose checkpoints meet storage faults: a work root that is full when the next checkpoint is due (a
/// real tmpfs out of space), and a last checkpoint truncated on disk. Neither loses the run: it pauses naming the cause
/// and, resumed, goes on from its last good checkpoint, training every epoch and recording each once.
/// </summary>
public sealed class CheckpointFaultTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const int Epochs = 8;

    [Fact]
    public async Task A_full_work_root_pauses_the_run_naming_the_checkpoint_keeps_the_last_one_and_the_resumed_run_completes()
    {
        using var root = new SmallFilesystem(64L << 20);
        await using var cluster = await TrainingCluster.StartAsync(database.ConnectionString, "ckf", root.Root, silos: 1, EngineStudy.SiloSettings());
        TestIdentity.ActAs(TestIdentity.Admin);
        var (run, paused) = await PausedRunAsync(cluster.Grains, root.Root);
        var last = Path.Combine(root.Root, paused.LastCheckpoint!.Path);
        var before = SHA256.HashData(File.ReadAllBytes(last));

        root.Fill();
        await run.ResumeAsync();
        var suspended = await TrainingSetup.WaitForRunAsync(cluster.Grains, KeyOf(run), r => r.State is RunState.Paused or RunState.Failed or RunState.Completed,
            "the run to stop on the full disk", TimeSpan.FromSeconds(40));

        var reason = suspended.History[^1].Reason ?? "";
        Assert.True(suspended.State == RunState.Paused, $"The run is {suspended.State}: {Story(suspended)}");
        Assert.Contains($"The work root '{root.Root}' is full", reason, StringComparison.Ordinal);
        Assert.Matches(@"No space left on device while writing checkpoint '.*checkpoint_(last|best)\.ckpt' \(\d+(\.\d)? (bytes|KiB) free on its filesystem\)", reason);
        Assert.Contains("resume it once space is freed", reason, StringComparison.Ordinal);
        // The checkpoint it had is there, byte for byte, and no temporary is left beside it.
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(last)));
        Assert.Equal(paused.LastCheckpoint.Epoch, CheckpointFile.ReadState(last).Position.Epoch);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(last)!, "*.tmp"));

        root.Free();
        await run.ResumeAsync();
        var done = await TrainingSetup.WaitForRunAsync(cluster.Grains, KeyOf(run), r => RunStateMachine.IsFinal(r.State), "the run to finish", TimeSpan.FromSeconds(40));

        Assert.True(done.State == RunState.Completed, $"The run ended {done.State}: {Story(done)}");
        Assert.Equal(Enumerable.Range(0, Epochs), done.Metrics.Select(m => m.Epoch));
        Assert.Contains(done.History, h => h.To == RunState.Running && h.Reason!.Contains($"from epoch {paused.LastCheckpoint.Epoch} (resumed from a checkpoint)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_truncated_last_checkpoint_does_not_end_the_run_it_goes_on_from_the_best_one_with_a_warning_and_completes()
    {
        using var data = new Platform.Testing.Datasets.TempDataRoot();
        await using var cluster = await TrainingCluster.StartAsync(database.ConnectionString, "ckc", data.Root, silos: 1, EngineStudy.SiloSettings());
        TestIdentity.ActAs(TestIdentity.Admin);
        var (run, paused) = await PausedRunAsync(cluster.Grains, data.Root);
        var last = Path.Combine(data.Root, paused.LastCheckpoint!.Path);
        var best = Path.Combine(Path.GetDirectoryName(last)!, CheckpointStore.BestFileName);
        var bestEpoch = CheckpointFile.ReadState(best).Position.Epoch;
        File.WriteAllBytes(last, File.ReadAllBytes(last)[..1000]);

        await run.ResumeAsync();
        var done = await TrainingSetup.WaitForRunAsync(cluster.Grains, KeyOf(run), r => RunStateMachine.IsFinal(r.State), "the run to finish", TimeSpan.FromSeconds(40));

        Assert.True(done.State == RunState.Completed, $"The run ended {done.State}: {Story(done)}");
        var restart = done.History.Last(h => h.To == RunState.Running).Reason!;
        Assert.Contains($"from epoch {bestEpoch}", restart, StringComparison.Ordinal);
        Assert.Contains($"Warning: Checkpoint '{last}' is unreadable", restart, StringComparison.Ordinal);
        Assert.Contains($"the run goes on from the best checkpoint, epoch {bestEpoch}", restart, StringComparison.Ordinal);
        // The broken file is kept for a person to look at; every epoch is recorded once.
        Assert.Equal(1000, new FileInfo(last + ".unreadable").Length);
        Assert.Equal(Enumerable.Range(0, Epochs), done.Metrics.Select(m => m.Epoch));
    }

    /// <summary>A lab with the tiny plan over <see cref="Epochs"/> epochs and a run of fold 0, paused after its first
    /// epochs. The caller acts as the administrator (an identity set in here would not flow back to it).</summary>
    private static async Task<(ITrainingRunGrain Run, RunSnapshot Paused)> PausedRunAsync(IGrainFactory grains, string root)
    {
        var lab = TrainingSetup.NewLabId("lab-k");
        await EngineStudy.PrepareAsync(grains, root, lab, cases: 6, seed: 41, EngineStudy.TinyPlan(Epochs));
        await grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, ScannedProjects.Project, "default")).GenerateAsync(new SplitSpec(FoldCount: 3, Seed: 5));
        await TrainingSetup.WaitForSlotsAsync(grains, lab, slots: 1);
        var run = grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(lab, ScannedProjects.Project, RunIds.New(EngineStudy.Plan, 0, DateTimeOffset.UtcNow)));
        await run.CreateAsync(new RunRequest(EngineStudy.Plan, 1, 0, 3, "default"));
        await TrainingSetup.WaitForRunAsync(grains, KeyOf(run), r => r.Metrics.Count > 0, "a first epoch", TimeSpan.FromSeconds(40));
        await run.PauseAsync();
        var paused = await TrainingSetup.WaitForRunAsync(grains, KeyOf(run), r => r.State != RunState.Running, "the pause", TimeSpan.FromSeconds(30));
        Assert.True(paused.State == RunState.Paused, $"The run is {paused.State}: {Story(paused)}");
        Assert.InRange(paused.LastCheckpoint!.Epoch, 1, Epochs - 1);
        return (run, paused);
    }

    private static string KeyOf(ITrainingRunGrain run) => run.GetPrimaryKeyString();

    private static string Story(RunSnapshot run) => string.Join("; ", run.History.Select(h => $"{h.From}->{h.To} {h.Reason}"));
}
