using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Schema;
using Platform.ServiceDefaults.Database;
using Platform.Silo.Training;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;
using Xunit.Abstractions;
using static Platform.Grains.Tests.Scheduling.TrainingSetup;

namespace Platform.Grains.Tests.Cluster;

/// <summary>
/// A silo training a run on a PostgreSQL of its own, which is killed with SIGKILL mid-run (postmaster and backends:
/// no shutdown checkpoint, as after an out-of-memory kill) and started again after a few seconds. Nothing recorded
/// before the kill is lost, nothing is recorded twice, and the run completes on its own without anyone touching it.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Epochs = 12, CheckpointEvery = 3;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(6);
    private readonly PrivatePostgres _postgres = new("platform_outage");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task A_run_training_while_the_database_is_killed_and_restarted_completes_with_every_epoch_recorded_once()
    {
        var (connectionString, _) = await _postgres.Server.StartAsync();
        await SchemaMigrator.ApplyAsync(connectionString);
        using var data = new TempDataRoot();
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Training:CpuTraining"] = "true",
            ["Platform:Training:Executor"] = SimulatedTrainingExecutor.Name,
            ["Platform:Training:Simulated:Epochs"] = Epochs.ToString(CultureInfo.InvariantCulture),
            ["Platform:Training:Simulated:EpochMilliseconds"] = "500",
            ["Platform:Training:Simulated:CheckpointEvery"] = CheckpointEvery.ToString(CultureInfo.InvariantCulture),
        };
        await using var silo = await TrainingSilo.StartAsync(connectionString, $"outage-{Guid.NewGuid():N}"[..14], data.Root, settings);
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-o");
        await CreateLabAsync(silo.Grains, lab);
        var plan = silo.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, Project, Plan));
        var versionsBefore = await plan.ListVersionsAsync();
        var run = await SubmitAsync(silo.Grains, lab);
        var before = await WaitForRunAsync(silo.Grains, run, r => r.State == RunState.Running && r.Metrics.Count >= 2, "two epochs in", TimeSpan.FromSeconds(60));

        var availability = silo.Services.GetRequiredService<DatabaseAvailability>();
        var stopwatch = Stopwatch.StartNew();
        _postgres.Kill();
        output.WriteLine($"Killed PostgreSQL at epoch {before.Metrics.Count}; restarting it in {Outage.TotalSeconds} s.");
        await WaitForAsync(() => Task.FromResult(availability.Current), s => !s.Reachable, "the silo to see the outage", Outage);
        output.WriteLine($"The silo saw the outage after {stopwatch.Elapsed.TotalSeconds:0.0} s: {availability.Current.Error}");
        await Task.Delay(Outage - stopwatch.Elapsed);
        var (_, restarted) = await _postgres.Server.StartAsync();
        Assert.True(restarted);
        output.WriteLine($"PostgreSQL back after {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        await WaitForAsync(() => Task.FromResult(availability.Current), s => s.Reachable, "the silo to see the database again", TimeSpan.FromSeconds(30));
        output.WriteLine($"The silo saw it back after {stopwatch.Elapsed.TotalSeconds:0.0} s.");

        var done = await WaitForRunAsync(silo.Grains, run, r => r.State is RunState.Completed or RunState.Failed or RunState.Cancelled, "finished", TimeSpan.FromSeconds(120));
        output.WriteLine($"Finished {stopwatch.Elapsed.TotalSeconds:0.0} s after the kill: {string.Join("; ", done.History.Select(h => $"{h.From}->{h.To} {h.Reason}"))}");

        Assert.Equal(RunState.Completed, done.State);
        Assert.Equal(Enumerable.Range(0, Epochs), done.Metrics.Select(m => m.Epoch)); // every epoch once, none lost
        Assert.Equal(1, done.History.Count(h => h.To == RunState.Completed));
        Assert.DoesNotContain(done.History, h => h.To == RunState.Failed);
        Assert.Equal(before.Metrics.Take(2).Select(m => (m.Epoch, m.TrainLoss)), done.Metrics.Take(2).Select(m => (m.Epoch, m.TrainLoss)));
        Assert.Equal(versionsBefore.Select(v => v.Version), (await plan.ListVersionsAsync()).Select(v => v.Version));
        var listed = await silo.Grains.GetGrain<Platform.Grains.Abstractions.Projects.IProjectListGrain>(GrainKeys.ProjectList(lab, Project))
            .ListItemsAsync(new Platform.Grains.Abstractions.Projects.ProjectItemQuery(Platform.Grains.Abstractions.Projects.ProjectItemKind.Run));
        Assert.Equal([(run.Split('/')[^1], "Completed")], listed.Items.Select(i => (i.Name, i.State)));
    }
}
