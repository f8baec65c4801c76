using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Silo.Training;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;
using static Platform.Grains.Tests.Scheduling.TrainingSetup;

namespace Platform.Grains.Tests.Cluster;

/// <summary>
/// The AppHost with two silos (<c>--silos 2</c>), started as Aspire resources through Aspire's testing host, training
/// with the simulated executor (which checkpoints every few epochs). The silo process running a training is killed
/// mid-run: the run goes back to the queue, resumes on the other silo from its last checkpoint and completes, with its
/// result recorded once.
/// </summary>
public sealed partial class TrainingFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Epochs = 14, CheckpointEvery = 3;
    private const string ServiceId = "platform"; // the AppHost's pinned cluster and service id
    private static readonly string[] Silos = ["silo-1", "silo-2"];
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("platform-failover-").FullName;
    private DistributedApplication? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task A_run_whose_silo_is_killed_resumes_on_another_silo_from_its_checkpoint_and_completes_once()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<global::Projects.Platform_AppHost>(
            ["--silos", "2", "--demo", "false", "--data-folder", _dataFolder, "--webui-port", $"{FreePorts.Next()}",
             "--gateway-port", $"{FreePorts.Next()}", "--postgres-port", $"{FreePorts.Next()}",
             // The keys this test signs its caller's token with; the silos verify with them.
             $"--Parameters:identity-signing-key={TestIdentity.SigningKeyBase64}", $"--Parameters:identity-system-key={TestIdentity.SystemKeyBase64}"]);
        // The cluster is all this test needs: two cores do not also carry the WebUI.
        builder.Resources.Remove(builder.Resources.Single(r => r.Name == "webui"));
        var settings = SiloProcess.WithFastMembership(new Dictionary<string, string>
        {
            ["Platform__Identity__PlatformAdmins__0"] = TestIdentity.Admin,
            ["Platform__Training__Executor"] = SimulatedTrainingExecutor.Name,
            ["Platform__Training__ReconcileInterval"] = "00:00:01",
            ["Platform__Training__Simulated__Epochs"] = Epochs.ToString(CultureInfo.InvariantCulture),
            ["Platform__Training__Simulated__EpochMilliseconds"] = "400",
            ["Platform__Training__Simulated__CheckpointEvery"] = CheckpointEvery.ToString(CultureInfo.InvariantCulture),
        });
        foreach (var name in Silos)
        {
            var resource = builder.CreateResourceBuilder<ProjectResource>(name);
            foreach (var (key, value) in settings)
                resource.WithEnvironment(key, value);
        }

        _app = await builder.BuildAsync();
        using var starting = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await _app.StartAsync(starting.Token);
        foreach (var name in Silos)
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(name, starting.Token);

        var connectionString = await _app.GetConnectionStringAsync("platformdb") ?? throw new InvalidOperationException("No platformdb connection string.");
        await using var client = await ClusterClient.ConnectAsync(connectionString, ServiceId, ServiceId);
        var grains = client.Client;

        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-f");
        await CreateLabAsync(grains, lab);
        var queue = grains.GetGrain<ITrainingQueueGrain>(GrainKeys.TrainingQueue(lab));
        await WaitForAsync(queue.GetAsync, q => q.TrainingSlots == 2, "two training slots", TimeSpan.FromSeconds(60));
        var run = await SubmitAsync(grains, lab);

        // Past the first checkpoint, and not finished: kill the silo resource that trains it, process and all.
        await WaitForRunAsync(grains, run, r => r.State == RunState.Running && r.LastCheckpoint is not null, "checkpointed");
        var placed = await queue.GetAsync();
        var silo = Assert.Single(placed.Entries, e => e.RunKey == run).Silo!;
        var port = SiloAddress.FromParsableString(silo).Endpoint.Port.ToString(CultureInfo.InvariantCulture);
        var victim = Assert.Single(Silos, name => Snapshot(name).EnvironmentVariables.Any(e => e.Name == "Orleans__Endpoints__SiloPort" && e.Value == port));
        var survivor = Silos.Single(name => name != victim);
        var pid = Convert.ToInt32(Snapshot(victim).Properties.Single(p => p.Name == "executable.pid").Value, CultureInfo.InvariantCulture);
        output.WriteLine($"Run {run} trains on {victim} ({silo}, process {pid}); killing it.");
        using (var process = Process.GetProcessById(pid))
            process.Kill(entireProcessTree: true);

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
        Assert.Equal(KnownResourceStates.Running, Snapshot(survivor).State?.Text);
        Assert.NotEqual(KnownResourceStates.Running, Snapshot(victim).State?.Text);
    }

    private CustomResourceSnapshot Snapshot(string resource) =>
        _app!.ResourceNotifications.TryGetCurrentState(resource, out var current)
            ? current.Snapshot
            : throw new InvalidOperationException($"No state for {resource}.");

    [GeneratedRegex(@"lost at epoch (\d+)")]
    private static partial Regex LostAtEpoch();
}
