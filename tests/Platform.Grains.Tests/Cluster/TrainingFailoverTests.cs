using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Silo.Training;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;
using Xunit.Abstractions;
using static Platform.Grains.Tests.Scheduling.TrainingSetup;

namespace Platform.Grains.Tests.Cluster;

/// <summary>
/// Two real silo processes that train (the simulated executor, which checkpoints every few epochs). The one running
/// a training is killed mid-run: the run goes back to the queue, resumes on the other silo from its last
/// checkpoint and completes, with its result recorded once.
/// </summary>
public sealed partial class TrainingFailoverTests(MigratedDatabaseFixture database, ITestOutputHelper output) : IClassFixture<MigratedDatabaseFixture>
{
    private const int Epochs = 14, CheckpointEvery = 3;

    [Fact]
    public async Task A_run_whose_silo_is_killed_resumes_on_another_silo_from_its_checkpoint_and_completes_once()
    {
        using var data = new TempDataRoot();
        var log = new ConcurrentQueue<string>();
        var clusterId = $"f{Guid.NewGuid():N}"[..12];
        var settings = SiloProcess.WithFastMembership(new Dictionary<string, string>
        {
            ["Platform__Identity__PlatformAdmins__0"] = TestIdentity.Admin,
            ["Platform__Storage__DataRoot"] = data.Root,
            ["Platform__Storage__WorkRoot"] = data.Root,
            ["Platform__Training__CpuTraining"] = "true",
            ["Platform__Training__Executor"] = SimulatedTrainingExecutor.Name,
            ["Platform__Training__ReconcileInterval"] = "00:00:01",
            ["Platform__Training__Simulated__Epochs"] = Epochs.ToString(CultureInfo.InvariantCulture),
            ["Platform__Training__Simulated__EpochMilliseconds"] = "400",
            ["Platform__Training__Simulated__CheckpointEvery"] = CheckpointEvery.ToString(CultureInfo.InvariantCulture),
        });
        var ports = new[] { SiloProcess.FreePortSet(), SiloProcess.FreePortSet() };
        await using var siloA = SiloProcess.Create("silo-a", database.ConnectionString, clusterId, ports[0], log.Enqueue, settings);
        await using var siloB = SiloProcess.Create("silo-b", database.ConnectionString, clusterId, ports[1], log.Enqueue, settings);

        try
        {
            siloA.Start();
            siloB.Start();
            await siloA.WaitHealthyAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
            await siloB.WaitHealthyAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
            await using var client = await ClusterClient.ConnectAsync(database.ConnectionString, clusterId, clusterId);
            var grains = client.Client;

            TestIdentity.ActAs(TestIdentity.Admin);
            var lab = NewLabId("lab-f");
            await CreateLabAsync(grains, lab);
            var queue = grains.GetGrain<ITrainingQueueGrain>(GrainKeys.TrainingQueue(lab));
            await WaitForAsync(queue.GetAsync, q => q.TrainingSlots == 2, "two training slots", TimeSpan.FromSeconds(60));
            var run = await SubmitAsync(grains, lab);

            // Past the first checkpoint, and not finished: kill the silo that trains it.
            await WaitForRunAsync(grains, run, r => r.State == RunState.Running && r.LastCheckpoint is not null, "checkpointed");
            var placed = await queue.GetAsync();
            var silo = Assert.Single(placed.Entries, e => e.RunKey == run).Silo!;
            var port = SiloAddress.FromParsableString(silo).Endpoint.Port;
            var (victim, survivor) = port == ports[0].Silo ? (siloA, siloB) : (siloB, siloA);
            Assert.True(port == ports[0].Silo || port == ports[1].Silo, $"run placed on unknown silo {silo}");
            await victim.KillAsync();

            var done = await WaitForRunAsync(grains, run, r => r.State == RunState.Completed, "completed after failover", TimeSpan.FromSeconds(100));

            var lost = Assert.Single(done.History, h => h.From == RunState.Running && h.To == RunState.Queued);
            Assert.Contains(silo, lost.Reason);
            var resumedFrom = (int)done.Result!.FinalMetrics["resumed-from-epoch"];
            Assert.True(resumedFrom >= CheckpointEvery - 1, $"resumed from epoch {resumedFrom}, before the first checkpoint");
            var lostAt = int.Parse(LostAtEpoch().Match(lost.Reason!).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(lostAt - resumedFrom, 0, CheckpointEvery); // work lost is at most one checkpoint interval
            Assert.DoesNotContain(silo, done.Result.Summary); // finished on the other silo
            Assert.Equal(1, done.History.Count(h => h.To == RunState.Completed));
            Assert.Equal(Enumerable.Range(0, Epochs), done.Metrics.Select(m => m.Epoch));
            Assert.Contains(done.History, h => h.To == RunState.Running && h.Reason!.Contains($"from epoch {resumedFrom + 1}"));
            Assert.False(survivor.HasExited, "The surviving silo stopped.");
        }
        finally
        {
            foreach (var line in log)
                output.WriteLine(line);
        }
    }

    [GeneratedRegex(@"lost at epoch (\d+)")]
    private static partial Regex LostAtEpoch();
}
