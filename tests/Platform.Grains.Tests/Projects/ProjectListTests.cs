using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Sweeps;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Sweeps;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Silo.Training;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;
using static Platform.Grains.Tests.Scheduling.TrainingSetup;

namespace Platform.Grains.Tests.Projects;

/// <summary>One CPU-training silo with the simulated engine (six quick epochs per run) and lists written every 100 ms.</summary>
public sealed class ListingSiloFixture : IAsyncLifetime
{
    public const int Epochs = 6;

    private readonly TempDataRoot _data = new();
    private TestDatabaseHandle? _database;

    public TrainingSilo Silo { get; private set; } = null!;
    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("lists");
        Silo = await TrainingSilo.StartAsync(_database.ConnectionString, $"lst-{Guid.NewGuid():N}"[..14], _data.Root, new Dictionary<string, string?>
        {
            ["Platform:Training:CpuTraining"] = "true",
            ["Platform:Training:Executor"] = SimulatedTrainingExecutor.Name,
            ["Platform:Training:Simulated:Epochs"] = Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Platform:Training:Simulated:EpochMilliseconds"] = "150",
            ["Platform:Training:Simulated:CheckpointEvery"] = "2",
            ["Platform:Lists:ProgressInterval"] = "00:00:00.100",
            ["Platform:Sweeps:PollInterval"] = "00:00:00.150",
        });
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await _database!.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>
/// The project's lists as the owning grains write them: a run, a sweep and an old project's runs appear there, pages
/// are read without activating anything listed, and another lab sees nothing.
/// </summary>
public sealed class ProjectListTests(ListingSiloFixture fixture) : IClassFixture<ListingSiloFixture>
{
    private IGrainFactory Grains => fixture.Silo.Grains;

    private IProjectListGrain Lists(string lab) => Grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(lab, Project));

    private async Task<ProjectItem?> RowAsync(string lab, ProjectItemKind kind, string name) =>
        (await Lists(lab).ListItemsAsync(new ProjectItemQuery(kind, PageSize: ProjectItemQuery.MaxPageSize))).Items.SingleOrDefault(i => i.Name == name);

    private Task<ProjectItem> WaitForRowAsync(string lab, ProjectItemKind kind, string name, Func<ProjectItem, bool> condition, string what) =>
        WaitForAsync(async () => (await RowAsync(lab, kind, name))!, r => r is not null && condition(r), what, TimeSpan.FromSeconds(60));

    /// <summary>Deactivates every idle activation of the silo, so the next call to a grain activates it afresh from storage.</summary>
    private async Task CollectActivationsAsync() =>
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    private async Task<int> RunActivationsAsync(string lab) =>
        (await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
        .Count(s => s.GrainType.Contains("TrainingRun", StringComparison.OrdinalIgnoreCase) && s.GrainId.ToString().Contains(lab, StringComparison.Ordinal));

    [Fact]
    public async Task A_run_is_listed_when_created_and_its_row_follows_its_epochs_to_completion()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-l");
        await CreateLabAsync(Grains, lab);

        var key = await SubmitAsync(Grains, lab);
        var runId = GrainKeys.Parse(key).Name;
        var created = await RowAsync(lab, ProjectItemKind.Run, runId);

        Assert.NotNull(created);
        Assert.Equal((Plan, 1, (int?)null, true, (int?)SamplePlans.Small().Training.Epochs, TestIdentity.Admin),
            (created.PlanName, created.PlanVersion, created.Fold, created.Active, created.EpochsTotal, created.CreatedBy));
        var training = await WaitForRowAsync(lab, ProjectItemKind.Run, runId, r => r.State == "Running" && r.EpochsDone >= 1, "epochs to show while it trains");
        Assert.NotNull(training.StartedAt);
        Assert.Null(training.FinishedAt);

        var done = await WaitForRowAsync(lab, ProjectItemKind.Run, runId, r => r.State == "Completed", "the run's completion");
        var run = await RunAsync(Grains, key);
        Assert.Equal((ListingSiloFixture.Epochs, false), (done.EpochsDone, done.Active));
        // PostgreSQL keeps microseconds.
        Assert.Equal(run.History[^1].At, done.FinishedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(Asha.PseudoDiceEma(run.Metrics).Max(), done.BestScore!.Value, 12);
    }

    [Fact]
    public async Task A_page_of_runs_is_read_without_activating_any_run()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-a");
        await CreateLabAsync(Grains, lab);
        var keys = new List<string>();
        for (var fold = 0; fold < 3; fold++)
            keys.Add(await SubmitAsync(Grains, lab, priority: fold));
        foreach (var key in keys)
            await WaitForRunAsync(Grains, key, r => r.State == RunState.Completed, "completed");

        await CollectActivationsAsync();
        await WaitForAsync(() => RunActivationsAsync(lab), n => n == 0, "the runs to be deactivated");
        var page = await Lists(lab).ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Run, PageSize: 2, States: ["Completed"]));

        Assert.Equal((3, 2), (page.Total, page.Items.Count));
        Assert.All(page.Items, r => Assert.Equal(ListingSiloFixture.Epochs, r.EpochsDone));
        Assert.Equal(0, await RunActivationsAsync(lab));
        // The count does see runs: opening one activates it.
        await Grains.GetGrain<ITrainingRunGrain>(keys[0]).GetAsync();
        Assert.Equal(1, await RunActivationsAsync(lab));
    }

    [Fact]
    public async Task Another_labs_member_cannot_list_the_project_and_finds_nothing_under_its_name_in_their_own_lab()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var (labA, labB) = (NewLabId("lab-a"), NewLabId("lab-b"));
        await CreateLabAsync(Grains, labA);
        await SubmitAsync(Grains, labA, 0);
        await Grains.GetGrain<ILabGrain>(GrainKeys.Lab(labB)).CreateAsync("Lab B", "pi-of-b");

        TestIdentity.ActAs("pi-of-b");
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => Lists(labA).ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Run)));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => Lists(labA).ListPlansAsync());
        var own = await Lists(labB).ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Run));
        Assert.Equal(0, own.Total);
        Assert.Empty(own.Items);
        Assert.Empty(await Lists(labB).ListPlansAsync());
        await Assert.ThrowsAsync<PlatformValidationException>(() => Lists(labB).ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Run, States: ["Training"])));
    }

    [Fact]
    public async Task A_sweep_is_listed_with_its_trials_done_and_best_metric_and_its_trial_plans_with_the_plans()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-s");
        await CreateLabAsync(Grains, lab);
        var sweep = Grains.GetGrain<ISweepGrain>(GrainKeys.Sweep(lab, Project, "lr"));

        await sweep.StartAsync(new SweepRequest(Plan, 1, null, null, Seed: 3, [SweepParameter.LogUniform("training.learningRate", 1e-4, 1e-1)],
            Trials: 2, MaxConcurrentTrials: 1, new AshaSettings(1, 2)));
        var started = await RowAsync(lab, ProjectItemKind.Sweep, "lr");

        Assert.NotNull(started);
        Assert.Equal(("Running", true, 2, Plan), (started.State, started.Active, started.Parts, started.PlanName));
        var done = await WaitForRowAsync(lab, ProjectItemKind.Sweep, "lr", r => !r.Active, "the sweep to finish");
        var snapshot = (await sweep.GetAsync())!;
        Assert.Equal((nameof(SweepState.Completed), 2), (done.State, done.PartsDone));
        Assert.Equal(snapshot.Trials.Single(t => t.Number == snapshot.BestTrial).BestMetric, done.BestScore);
        Assert.Equal([Plan, "lr-t1", "lr-t2"], (await Lists(lab).ListPlansAsync()).Select(p => p.Name));
        Assert.Equal(2, (await Lists(lab).ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Run))).Total);
    }

    [Fact]
    public async Task A_project_stored_with_the_old_name_lists_still_loads_and_lists_its_old_runs()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = NewLabId("lab-o");
        await CreateLabAsync(Grains, lab);
        var key = await SubmitAsync(Grains, lab, 0);
        var runId = GrainKeys.Parse(key).Name;
        await WaitForRunAsync(Grains, key, r => r.State == RunState.Completed, "completed");

        // What a project stored before migration 0014 looks like: its runs named in its state, none in project_item.
        await using var database = NpgsqlDataSource.Create(fixture.ConnectionString);
        await ExecuteAsync(database, "DELETE FROM project_item WHERE lab_id = @lab", lab);
        await PatchProjectStateAsync(database, GrainKeys.Project(lab, Project), state =>
        {
            var pascal = state.ContainsKey("Description");
            state[pascal ? "Plans" : "plans"] = new JsonArray(Plan);
            state[pascal ? "Runs" : "runs"] = new JsonArray(runId, "never-created-f0-20250101000000-abcd");
            state[pascal ? "CrossValidations" : "crossValidations"] = new JsonArray("never-started");
            state[pascal ? "Sweeps" : "sweeps"] = new JsonArray();
        });
        await CollectActivationsAsync();

        var project = await Grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab, Project)).GetAsync();

        Assert.Equal("Kidney", project!.Description);
        var row = await RowAsync(lab, ProjectItemKind.Run, runId);
        Assert.Equal(("Completed", ListingSiloFixture.Epochs), (row!.State, row.EpochsDone));
        Assert.Equal(1, (await Lists(lab).ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Run))).Total);
        Assert.Equal(0, (await Lists(lab).ListItemsAsync(new ProjectItemQuery(ProjectItemKind.CrossValidation))).Total);
        // The old lists are gone from the stored state once listed.
        var stored = await ProjectStateAsync(database, GrainKeys.Project(lab, Project));
        Assert.DoesNotContain(stored.Select(p => p.Key), k => k is "Runs" or "runs" or "Plans" or "plans" or "CrossValidations" or "crossValidations");
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql, string lab)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("lab", lab);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<JsonObject> ProjectStateAsync(NpgsqlDataSource database, string key)
    {
        await using var command = database.CreateCommand(
            "SELECT payload_binary FROM orleans_storage WHERE grain_type_string = 'project' AND grain_id_extension_string = @key");
        command.Parameters.AddWithValue("key", key);
        var payload = (byte[]?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No stored project '{key}'.");
        return JsonNode.Parse(payload)!.AsObject();
    }

    private static async Task PatchProjectStateAsync(NpgsqlDataSource database, string key, Action<JsonObject> patch)
    {
        var state = await ProjectStateAsync(database, key);
        patch(state);
        await using var command = database.CreateCommand(
            "UPDATE orleans_storage SET payload_binary = @payload WHERE grain_type_string = 'project' AND grain_id_extension_string = @key");
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("payload", Encoding.UTF8.GetBytes(state.ToJsonString()));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
