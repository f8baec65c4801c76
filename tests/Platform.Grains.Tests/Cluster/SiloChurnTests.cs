using System.Globalization;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Silo.Training;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;
using Xunit.Abstractions;
using static Platform.Grains.Tests.Scheduling.TrainingSetup;

namespace Platform.Grains.Tests.Cluster;

/// <summary>
/// Silos leaving and joining while two labs' runs queue and train: a web-facing silo (no training) and two training
/// silos; one training silo leaves gracefully mid-run and a new one joins. Every run completes exactly once, every
/// epoch of every run is recorded once, nothing trains on the web-facing silo, and the run that lost its silo resumes
/// from its checkpoint. (A silo killed outright is <see cref="TrainingFailoverTests"/>.)
/// </summary>
public sealed class SiloChurnTests(MigratedDatabaseFixture database, ITestOutputHelper output) : IClassFixture<MigratedDatabaseFixture>
{
    private const int Epochs = 6, RunsPerLab = 3;

    private static Dictionary<string, string?> Settings(bool trains) => new()
    {
        ["Platform:Training:Enabled"] = trains ? "true" : "false",
        ["Platform:Training:CpuTraining"] = "true",
        ["Platform:Training:MaxRunningPerLab"] = "1",
        ["Platform:Training:Executor"] = SimulatedTrainingExecutor.Name,
        ["Platform:Training:Simulated:Epochs"] = Epochs.ToString(CultureInfo.InvariantCulture),
        ["Platform:Training:Simulated:EpochMilliseconds"] = "300",
        ["Platform:Training:Simulated:CheckpointEvery"] = "2",
    };

    [Fact]
    public async Task Runs_of_two_labs_complete_once_each_with_every_epoch_once_while_a_silo_leaves_and_another_joins()
    {
        using var data = new TempDataRoot();
        var cluster = $"churn-{Guid.NewGuid():N}"[..14];
        await using var web = await TrainingSilo.StartAsync(database.ConnectionString, cluster, data.Root, Settings(trains: false));
        var leaving = await TrainingSilo.StartAsync(database.ConnectionString, cluster, data.Root, Settings(trains: true));
        var leavingName = leaving.Name;
        await using var staying = await TrainingSilo.StartAsync(database.ConnectionString, cluster, data.Root, Settings(trains: true));
        TestIdentity.ActAs(TestIdentity.Admin);
        var labs = new[] { NewLabId("lab-c"), NewLabId("lab-d") };
        foreach (var lab in labs)
            await CreateLabAsync(web.Grains, lab);
        await WaitForSlotsAsync(web.Grains, labs[0], slots: 2);
        var runs = new List<string>();
        for (var i = 0; i < RunsPerLab; i++)
        {
            foreach (var lab in labs)
                runs.Add(await SubmitAsync(web.Grains, lab));
        }

        // Once a run trains on the leaving silo past a checkpoint, that silo stops gracefully; a new one joins after.
        var onLeaving = await WaitForAsync(() => RunOnAsync(web.Grains, runs, leavingName), r => r is not null, "a run past a checkpoint on the leaving silo", TimeSpan.FromSeconds(60));
        output.WriteLine($"{onLeaving} trains on {leavingName}, which now leaves.");
        await leaving.DisposeAsync();
        await using var joining = await TrainingSilo.StartAsync(database.ConnectionString, cluster, data.Root, Settings(trains: true));
        output.WriteLine($"{joining.Name} joined.");

        var done = new List<RunSnapshot>();
        foreach (var run in runs)
            done.Add(await WaitForRunAsync(web.Grains, run, r => RunStateMachine.IsFinal(r.State), "finished", TimeSpan.FromMinutes(3)));

        foreach (var run in done)
        {
            var story = $"{run.RunId}: " + string.Join("; ", run.History.Select(h => $"{h.From}->{h.To} {h.Reason}"));
            Assert.True(run.State == RunState.Completed, story);
            Assert.Equal(1, run.History.Count(h => h.To == RunState.Completed));
            Assert.Equal(Enumerable.Range(0, Epochs), run.Metrics.Select(m => m.Epoch)); // every epoch once, in order
            Assert.DoesNotContain(web.Name, string.Join(" ", run.History.Select(h => h.Reason)));
        }

        var interrupted = done.Single(r => r.RunId == onLeaving!.Split('/')[^1]);
        var requeued = Assert.Single(interrupted.History, h => h.From == RunState.Running && h.To == RunState.Queued);
        output.WriteLine($"Interrupted: {requeued.Reason}; resumed from epoch {interrupted.Result!.FinalMetrics["resumed-from-epoch"]}.");
        Assert.True(interrupted.Result!.FinalMetrics["resumed-from-epoch"] >= 1, "the run that lost its silo started over instead of resuming from its checkpoint");
        Assert.DoesNotContain(leavingName, interrupted.Result.Summary);
    }

    /// <summary>A run training on the silo past its first checkpoint, or null.</summary>
    private static async Task<string?> RunOnAsync(IGrainFactory grains, IEnumerable<string> runs, string silo)
    {
        foreach (var run in runs)
        {
            var snapshot = await RunAsync(grains, run);
            if (snapshot.State == RunState.Running && snapshot.LastCheckpoint is not null
                && snapshot.History.LastOrDefault(h => h.To == RunState.Preparing)?.Reason?.Contains(silo, StringComparison.Ordinal) == true)
                return run;
        }

        return null;
    }
}
