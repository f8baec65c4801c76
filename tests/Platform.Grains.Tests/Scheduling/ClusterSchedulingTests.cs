using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Scheduling;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Training.Execution;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;
using static Platform.Grains.Tests.Scheduling.TrainingSetup;

namespace Platform.Grains.Tests.Scheduling;

/// <summary>
/// Three silos of one cluster: two that train on the CPU and one with training disabled (a web-facing silo).
/// Runs land only on the training silos, one at a time on each; the rest wait in priority then submission order,
/// and a lab at its limit waits while other labs' runs go ahead.
/// </summary>
public sealed class ClusterSchedulingTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private readonly TrainingGateBoard _board = new();
    private readonly TempDataRoot _data = new();
    private readonly List<TrainingSilo> _silos = [];

    public async Task InitializeAsync()
    {
        var cluster = $"sched-{Guid.NewGuid():N}"[..14];
        var training = new Dictionary<string, string?> { ["Platform:Training:CpuTraining"] = "true", ["Platform:Training:MaxRunningPerLab"] = "1" };
        var web = new Dictionary<string, string?> { ["Platform:Training:Enabled"] = "false", ["Platform:Training:MaxRunningPerLab"] = "1" };
        void Gated(IServiceCollection services) =>
            services.AddSingleton<ITrainingExecutor>(sp => new GatedTrainingExecutor(_board, sp.GetRequiredService<ILocalSiloDetails>()));

        // The web-facing silo first: it is the one the tests call through, as the WebUI would.
        _silos.Add(await TrainingSilo.StartAsync(database.ConnectionString, cluster, _data.Root, web, Gated));
        _silos.Add(await TrainingSilo.StartAsync(database.ConnectionString, cluster, _data.Root, training, Gated));
        _silos.Add(await TrainingSilo.StartAsync(database.ConnectionString, cluster, _data.Root, training, Gated));
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
            await silo.DisposeAsync();
        _data.Dispose();
    }

    private IGrainFactory Grains => _silos[0].Grains;
    private string WebSilo => _silos[0].Name;
    private HashSet<string> TrainingSilos => [_silos[1].Name, _silos[2].Name];

    private Task<TrainingQueueView> QueueOf(string lab) => Grains.GetGrain<ITrainingQueueGrain>(GrainKeys.TrainingQueue(lab)).GetAsync();

    private Task<RunSnapshot> RunningAsync(string run) => WaitForRunAsync(Grains, run, r => r.State == RunState.Running && _board.SiloOfRun.ContainsKey(run), "running");

    [Fact]
    public async Task Runs_go_only_to_training_silos_one_at_a_time_in_priority_order_within_each_labs_limit()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var (labA, labB, labC) = (NewLabId("lab-a"), NewLabId("lab-b"), NewLabId("lab-c"));
        foreach (var lab in new[] { labA, labB, labC })
            await CreateLabAsync(Grains, lab);
        // Every silo's metadata has reached the scheduler: two CPU slots, none on the web-facing silo.
        await WaitForAsync(() => QueueOf(labA), q => q.TrainingSlots == 2, "two training slots");

        var a1 = await SubmitAsync(Grains, labA);
        await RunningAsync(a1);
        var a2 = await SubmitAsync(Grains, labA);

        // A slot is free, but lab A already runs as many trainings as it may (1): a2 waits.
        var queue = await WaitForAsync(() => QueueOf(labA), q => q.Entries.Any(e => e.RunKey == a2), "a2 in the queue");
        var waiting = Assert.Single(queue.Entries, e => e.Status == QueueEntryStatus.Waiting);
        Assert.Equal((a2, 1, QueuePlanner.LabLimitReason), (waiting.RunKey, waiting.Position, waiting.WaitingReason));
        Assert.Equal(RunState.Queued, (await RunAsync(Grains, a2)).State);

        // Another lab's run goes ahead into the free slot; then every slot is busy.
        var b1 = await SubmitAsync(Grains, labB);
        await RunningAsync(b1);
        var b2 = await SubmitAsync(Grains, labB);
        var c1 = await SubmitAsync(Grains, labC, priority: 5);

        queue = await WaitForAsync(() => QueueOf(labA), q => q.Entries.Count(e => e.Status == QueueEntryStatus.Waiting) == 3, "three waiting runs");
        var order = queue.Entries.Where(e => e.Status == QueueEntryStatus.Waiting).OrderBy(e => e.Position).ToList();
        // Priority first (c1), then submission (a2 before b2). Lab A sees only its own run's name.
        Assert.Equal(new[] { 1, 2, 3 }, order.Select(e => e.Position));
        Assert.Equal(new string?[] { null, a2, null }, order.Select(e => e.RunKey));
        Assert.Equal(new[] { 5, 0, 0 }, order.Select(e => e.Priority));
        Assert.All(order, e => Assert.NotNull(e.EstimatedStart));
        var running = queue.Entries.Where(e => e.Status == QueueEntryStatus.Running).ToList();
        Assert.Equal(2, running.Count);
        Assert.Equal(a1, Assert.Single(running, e => e.OwnLab).RunKey);
        Assert.Null(Assert.Single(running, e => !e.OwnLab).Silo);
        var seenByC = await QueueOf(labC);
        Assert.Equal(c1, Assert.Single(seenByC.Entries, e => e.OwnLab).RunKey);

        // a1 ends: the freed slot goes to c1 (higher priority), not to a2 (earlier).
        _board.Open(a1);
        await WaitForRunAsync(Grains, a1, r => r.State == RunState.Completed, "completed");
        await RunningAsync(c1);
        Assert.Equal(RunState.Queued, (await RunAsync(Grains, a2)).State);

        // b1 ends: a2 is next in order and its lab runs nothing now; b2 keeps waiting.
        _board.Open(b1);
        await RunningAsync(a2);
        Assert.Equal(RunState.Queued, (await RunAsync(Grains, b2)).State);

        _board.Open(c1);
        await RunningAsync(b2);
        _board.Open(a2);
        _board.Open(b2);
        foreach (var run in new[] { a2, b2, c1 })
            await WaitForRunAsync(Grains, run, r => r.State == RunState.Completed, "completed");

        Assert.All(_board.SiloOfRun.Values, silo => Assert.Contains(silo, TrainingSilos));
        Assert.DoesNotContain(WebSilo, _board.SiloOfRun.Values);
        Assert.Equal(2, _board.SiloOfRun.Values.Distinct().Count());
        Assert.All(_board.MaxRunningPerSilo.Values, max => Assert.Equal(1, max));
        var completed = await RunAsync(Grains, b2);
        Assert.Equal(1, completed.History.Count(h => h.To == RunState.Completed));
        Assert.NotNull(completed.Result);
        await WaitForAsync(() => QueueOf(labA), q => q.Entries.Count == 0, "an empty queue");
    }

    [Fact]
    public async Task A_client_cannot_drive_a_training_or_preprocessing_slot_even_on_a_silo_that_has_them()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var worker = Grains.GetGrain<ITrainingWorkerGrain>(GrainKeys.TrainingWorker(_silos[1].Name, 0));

        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() =>
            worker.StartAsync(new WorkerAssignment(GrainKeys.Run("lab-x", Project, "base-f0-forged"), new RunRequest(Plan, 1, 0, 1, null), 1)));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => worker.StopAsync("lab-x/kidney/base-f0-forged", StopReason.Cancel));
        Assert.Empty(_board.SiloOfRun);

        // Nor a preprocessing slot: a forged job would write into another lab's preprocessed data.
        var preprocessing = Grains.GetGrain<IPreprocessingWorkerGrain>(GrainKeys.PreprocessingWorker(_silos[1].Name, 0));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() =>
            preprocessing.StartAsync(new WorkerAssignment(GrainKeys.Plan("lab-x", Project, "base"), null, 1, WorkKind.Preprocessing, "forged")));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => preprocessing.StopAsync(GrainKeys.Plan("lab-x", Project, "base"), StopReason.Cancel));

        // Nor a training slot's evaluation: a forged one would read another lab's models and write its results.
        var evaluation = Grains.GetGrain<IEvaluationWorkerGrain>(GrainKeys.TrainingWorker(_silos[1].Name, 0));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() =>
            evaluation.StartAsync(new WorkerAssignment(GrainKeys.CrossValidation("lab-x", Project, "cv"), null, 1, WorkKind.Evaluation, "forged")));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => evaluation.StopAsync(GrainKeys.CrossValidation("lab-x", Project, "cv"), StopReason.Cancel));

        // Nor a prediction job: a forged one would predict with another lab's model and write into its folders.
        var prediction = Grains.GetGrain<IPredictionWorkerGrain>(GrainKeys.TrainingWorker(_silos[1].Name, 0));
        var predictionKey = GrainKeys.Prediction("lab-x", Project, "pred-20250101000000-0000");
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() =>
            prediction.StartAsync(new WorkerAssignment(predictionKey, null, 1, WorkKind.Prediction, "forged")));
        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => prediction.StopAsync(predictionKey, StopReason.Cancel));
    }

    [Fact]
    public async Task A_client_cannot_forge_a_reminder_tick()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var scheduler = Grains.GetGrain<ITrainingSchedulerGrain>(GrainKeys.TrainingScheduler).AsReference<IRemindable>();

        await Assert.ThrowsAsync<PlatformAccessDeniedException>(() => scheduler.ReceiveReminder("training-scheduler-backstop", default));
    }
}
