using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Cluster;

/// <summary>Grain state and reminders live in PostgreSQL: they outlive silos, and stale writers are refused.</summary>
public sealed class DurabilityTests : IClassFixture<MigratedDatabaseFixture>
{
    private readonly MigratedDatabaseFixture _database;

    public DurabilityTests(MigratedDatabaseFixture database)
    {
        _database = database;
        TestIdentity.ActAs(TestIdentity.Admin);
    }

    private static string NewLabId() => $"lab-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Lab_state_survives_a_silo_restart()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var id = NewLabId();

        await using (var first = await InProcessSilo.StartAsync(_database.ConnectionString, service, "restart"))
        {
            await first.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(id)).CreateAsync("Durable Lab", TestIdentity.Admin);
            await first.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(id)).RenameAsync("Durable Lab, renamed");
        }

        await using var second = await InProcessSilo.StartAsync(_database.ConnectionString, service, "restart");
        var lab = await second.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(id)).GetAsync();
        Assert.NotNull(lab);
        Assert.Equal("Durable Lab, renamed", lab!.DisplayName);
        Assert.NotNull(lab.RenamedAt);
        var listed = await second.Grains.GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync();
        Assert.Equal("Durable Lab, renamed", Assert.Single(listed, l => l.Id == id).DisplayName);
    }

    [Fact]
    public async Task Projects_plans_and_runs_survive_a_silo_restart()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var lab = NewLabId();
        var runId = RunIds.New("base", 2, DateTimeOffset.UtcNow);

        await using (var first = await InProcessSilo.StartAsync(_database.ConnectionString, service, "restart-all"))
        {
            await first.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(lab)).CreateAsync("Lab", TestIdentity.Admin);
            await first.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab, "kidney")).CreateAsync("Kidney");
            var plan = first.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, "kidney", "base"));
            await plan.ReviseAsync(SamplePlans.Small(2), 0, null);
            await plan.ReviseAsync(SamplePlans.Small(5), 1, "second");
            var run = first.Grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(lab, "kidney", runId));
            await run.CreateAsync(new RunRequest("base", 2, null, 9, null));
            await run.CancelAsync("before restart");
        }

        await using var second = await InProcessSilo.StartAsync(_database.ConnectionString, service, "restart-all");
        var lists = second.Grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(lab, "kidney"));
        Assert.Equal(["base"], (await lists.ListPlansAsync()).Select(p => p.Name));
        var runs = await lists.ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Run));
        Assert.Equal([(runId, "Cancelled")], runs.Items.Select(r => (r.Name, r.State)));
        var latest = await second.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, "kidney", "base")).GetAsync();
        Assert.Equal((2, 5, "second"), (latest!.Version, latest.Settings.Network.BatchSize, latest.Comment));
        var restored = await second.Grains.GetGrain<ITrainingRunGrain>(GrainKeys.Run(lab, "kidney", runId)).GetAsync();
        Assert.Equal(RunState.Cancelled, restored!.State);
        Assert.Equal("before restart", restored.History[^1].Reason);
    }

    [Fact]
    public async Task Datasources_their_cases_and_splits_survive_a_silo_restart()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var lab = NewLabId();
        using var data = new TempDataRoot();
        new DatasetBuilder(data.LabRoot(lab)).WriteFran("kits", goodCases: 6, Defects.TruncatedFile);
        IReadOnlyList<string> foldZero;

        await using (var first = await InProcessSilo.StartAsync(_database.ConnectionString, service, "restart-ds", dataRoot: data.Root))
        {
            await ScannedProjects.RegisterAndScanAsync(first.Grains, lab, "kits");
            var split = first.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, "kidney", "default"));
            await split.GenerateAsync(new SplitSpec(FoldCount: 3, Seed: 5));
            foldZero = (await split.GetFoldAsync(0)).Validation;
        }

        await using var second = await InProcessSilo.StartAsync(_database.ConnectionString, service, "restart-ds", dataRoot: data.Root);
        var status = await second.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab, "kidney", "kits")).GetStatusAsync();
        Assert.Equal((ScanState.Idle, 6, 1), (status!.State, status.Counts.Valid, status.Counts.Invalid));
        var cases = await second.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab, "kidney", "kits")).ListCasesAsync(new CaseQuery());
        Assert.Equal(7, cases.Total);
        var restored = second.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, "kidney", "default"));
        Assert.Equal(6, (await restored.GetAsync())!.Cases);
        Assert.Equal(foldZero, (await restored.GetFoldAsync(0)).Validation);
    }

    [Fact]
    public async Task Grain_state_is_stored_as_System_Text_Json()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var id = NewLabId();
        await using (var silo = await InProcessSilo.StartAsync(_database.ConnectionString, service, "json"))
            await silo.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(id)).CreateAsync("Stored As Json", TestIdentity.Admin);

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT payload_binary FROM orleans_storage WHERE service_id = @service AND grain_type_string = 'lab' AND grain_id_extension_string = @key", connection);
        command.Parameters.AddWithValue("service", service);
        command.Parameters.AddWithValue("key", id);
        var payload = (byte[])(await command.ExecuteScalarAsync())!;

        // Plain UTF-8 JSON with the state's own property names: readable and migratable without Orleans.
        using var json = JsonDocument.Parse(payload);
        Assert.Equal("Stored As Json", json.RootElement.GetProperty("DisplayName").GetString());
        Assert.True(json.RootElement.TryGetProperty("CreatedAt", out _));
        Assert.False(json.RootElement.TryGetProperty("Exists", out _));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_overwrites_nothing()
    {
        // Two clusters sharing one service id are two activations of the same grain over the same row.
        var service = $"svc-{Guid.NewGuid():N}";
        var id = NewLabId();
        await using var clusterA = await InProcessSilo.StartAsync(_database.ConnectionString, service, "a");
        await using var clusterB = await InProcessSilo.StartAsync(_database.ConnectionString, service, "b");
        var inA = clusterA.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(id));
        var inB = clusterB.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(id));

        await inA.CreateAsync("Created in A", TestIdentity.Admin);
        Assert.Equal("Created in A", (await inB.GetAsync())!.DisplayName); // B's activation now holds version 1
        await inA.RenameAsync("Renamed in A");                              // the row moves to version 2

        await Assert.ThrowsAsync<InconsistentStateException>(() => inB.RenameAsync("Renamed in B"));

        await using var reader = await InProcessSilo.StartAsync(_database.ConnectionString, service, "reader");
        Assert.Equal("Renamed in A", (await reader.Grains.GetGrain<ILabGrain>(GrainKeys.Lab(id)).GetAsync())!.DisplayName);
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_on_the_new_silo()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString("N");
        var tick = ReminderProbeGrain.Ticks.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        static void FastReminders(IServiceCollection s) => s.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));

        SiloAddress firstAddress;
        await using (var first = await InProcessSilo.StartAsync(_database.ConnectionString, service, "reminders", FastReminders))
        {
            firstAddress = first.Address;
            // Due well after this silo has stopped, so only a silo started later can fire it.
            await first.Grains.GetGrain<IReminderProbeGrain>(key).ArmAsync(TimeSpan.FromSeconds(8), TimeSpan.FromMinutes(1));
        }

        Assert.False(tick.Task.IsCompleted, "The reminder fired before the restart; the test proves nothing.");
        await using var second = await InProcessSilo.StartAsync(_database.ConnectionString, service, "reminders", FastReminders);

        var firedOn = await tick.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(second.Address, firedOn);
        Assert.NotEqual(firstAddress, firedOn);
        await second.Grains.GetGrain<IReminderProbeGrain>(key).DisarmAsync();
    }
}
