using System.Collections.Concurrent;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Tests.Hosting;
using Platform.Preprocessing.Datasets;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;
using Xunit.Abstractions;
using static Platform.Grains.Tests.Scheduling.TrainingSetup;

namespace Platform.Grains.Tests.Cluster;

/// <summary>
/// Preprocessing is scheduled work: the job runs on a silo's preprocessing slot, not in the plan's grain. Two real
/// silo processes; the one whose slot runs the job is killed mid-job: the scheduler places the job on the other
/// silo, which skips the cases already committed and completes it, once.
/// </summary>
public sealed class PreprocessingFailoverTests(MigratedDatabaseFixture database, ITestOutputHelper output) : IClassFixture<MigratedDatabaseFixture>
{
    private const int Cases = 40;

    [Fact]
    public async Task A_job_whose_silo_is_killed_is_placed_again_and_completes_on_the_other_silo_without_redoing_finished_cases()
    {
        using var data = new TempDataRoot();
        var log = new ConcurrentQueue<string>();
        var clusterId = $"p{Guid.NewGuid():N}"[..12];
        var settings = SiloProcess.WithFastMembership(new Dictionary<string, string>
        {
            ["Platform__Identity__PlatformAdmins__0"] = TestIdentity.Admin,
            ["Platform__Storage__DataRoot"] = data.Root,
            ["Platform__Storage__WorkRoot"] = data.Root,
            ["Platform__Training__ReconcileInterval"] = "00:00:01",
            // One case at a time, so the job is still running when its silo dies.
            ["Platform__Preprocessing__MaxParallelism"] = "1",
        });
        var lab = NewLabId("lab-p");
        var folder = $"ds-{Guid.NewGuid():N}";
        new DatasetBuilder(data.LabRoot(lab)).WriteFran(folder, goodCases: Cases);
        var ports = new[] { SiloProcess.FreePortSet(), SiloProcess.FreePortSet() };
        await using var siloA = SiloProcess.Create("silo-a", database.ConnectionString, clusterId, ports[0], log.Enqueue, TestIdentity.SiloKeys, settings);
        await using var siloB = SiloProcess.Create("silo-b", database.ConnectionString, clusterId, ports[1], log.Enqueue, TestIdentity.SiloKeys, settings);

        try
        {
            siloA.Start();
            siloB.Start();
            await siloA.WaitHealthyAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
            await siloB.WaitHealthyAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
            await using var client = await ClusterClient.ConnectAsync(database.ConnectionString, clusterId, clusterId);
            var grains = client.Client;

            TestIdentity.ActAs(TestIdentity.Admin);
            await ScannedProjects.RegisterAndScanAsync(grains, lab, folder);
            var key = GrainKeys.Plan(lab, ScannedProjects.Project, "small");
            await grains.GetGrain<IPlanGrain>(key).ReviseAsync(SamplePlans.Small(), 0, null);
            var job = grains.GetGrain<IPreprocessingGrain>(key);
            await job.StartAsync();
            // The plan's grain may live on the killed silo: until the cluster declares it dead, a read may fail.
            async Task<PreprocessingStatus?> StatusAsync()
            {
                try
                {
                    return await job.GetStatusAsync();
                }
                catch (Exception e) when (e is OrleansException or TimeoutException)
                {
                    return null;
                }
            }

            // Some cases committed, not all: kill the silo whose slot runs the job.
            var running = await WaitForAsync(StatusAsync, s => s is { State: PreprocessingJobState.Running, Done: >= 2 } && s.Silo is not null,
                "running with cases done", TimeSpan.FromSeconds(90));
            var silo = running!.Silo!;
            var port = SiloAddress.FromParsableString(silo).Endpoint.Port;
            Assert.True(port == ports[0].Silo || port == ports[1].Silo, $"job placed on unknown silo {silo}");
            var (victim, survivor) = port == ports[0].Silo ? (siloA, siloB) : (siloB, siloA);
            await victim.KillAsync();

            var moved = await WaitForAsync(StatusAsync, s => s is not null && (s.State != PreprocessingJobState.Running || (s.Silo is not null && s.Silo != silo)),
                "running on the other silo", TimeSpan.FromSeconds(150));
            var done = await WaitForAsync(StatusAsync, s => s is not null && s.State != PreprocessingJobState.Running, "finished", TimeSpan.FromSeconds(150));

            Assert.Equal(PreprocessingJobState.Completed, done!.State);
            Assert.NotEqual(silo, moved!.Silo);
            var folderOut = Path.Combine(data.Root, "preprocessed", lab, ScannedProjects.Project, done.DatasetKey);
            Assert.Equal(Cases, PreprocessedCaseRecords.CompleteCaseIds(folderOut).Count);
            Assert.Empty(Directory.GetFiles(folderOut, "*.tmp*", SearchOption.AllDirectories));
            // The placement after the loss skipped what the killed one had committed (at least the cases seen done).
            Assert.Equal((Cases, 0), (done.Done + done.Skipped, done.Failed));
            Assert.InRange(done.Skipped, running.Done, Cases - 1);
            var marker = (await DatasetCompletion.ReadAsync(folderOut))!;
            Assert.Equal((done.DatasetKey, Cases), (marker.DatasetKey, marker.Cases));
            Assert.False(survivor.HasExited, "The surviving silo stopped.");
        }
        finally
        {
            foreach (var line in log)
                output.WriteLine(line);
        }
    }
}
