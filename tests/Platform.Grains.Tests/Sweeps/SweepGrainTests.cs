using System.Globalization;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Sweeps;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Engine;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Grains.Tests.Sweeps;

/// <summary>
/// A real ASHA sweep on one CPU-training silo with the tiny engine plan of the engine tests: four trials of a
/// log-uniform learning rate, grace one epoch, η = 2, three epochs at most (rungs at epochs 1 and 2).
/// </summary>
public sealed class SweepGrainTests(MigratedDatabaseFixture database, ITestOutputHelper output) : IClassFixture<MigratedDatabaseFixture>
{

    private static SweepRequest Request(int trials, int concurrent, params SweepParameter[] parameters) =>
        new("tiny", 1, 0, "default", Seed: 11, parameters, trials, concurrent, new AshaSettings(GracePeriodEpochs: 1, ReductionFactor: 2));

    [Fact]
    public async Task A_sweep_stops_weak_trials_at_rungs_reports_the_best_and_leaves_nothing_running_and_cancel_stops_all()
    {
        using var data = new TempDataRoot();
        var settings = EngineStudy.SiloSettings(("Platform:Sweeps:PollInterval", "00:00:00.150"));
        await using var silo = await TrainingSilo.StartAsync(database.ConnectionString, $"swp-{Guid.NewGuid():N}"[..14], data.Root, settings);
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = TrainingSetup.NewLabId("lab-s");
        await EngineStudy.PrepareAsync(silo.Grains, data.Root, lab, cases: 6, seed: 40, EngineStudy.TinyPlan(epochs: 3, iterations: 4));
        await silo.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, ScannedProjects.Project, "default")).GenerateAsync(new SplitSpec(FoldCount: 3, Seed: 5));

        // A search space that breaks a plan rule is refused before any trial plan is saved.
        var bad = silo.Grains.GetGrain<ISweepGrain>(GrainKeys.Sweep(lab, ScannedProjects.Project, "bad"));
        var refused = await Assert.ThrowsAsync<PlatformValidationException>(() => bad.StartAsync(Request(2, 1, SweepParameter.Uniform("preprocessing.spacing", 1, 2))));
        Assert.Contains("Trial 1", refused.Message, StringComparison.Ordinal);
        Assert.Null(await silo.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, ScannedProjects.Project, "bad-t1")).GetAsync());
        Assert.Null(await bad.GetAsync());

        var sweep = silo.Grains.GetGrain<ISweepGrain>(GrainKeys.Sweep(lab, ScannedProjects.Project, "lr"));
        var started = await sweep.StartAsync(Request(4, 2, SweepParameter.LogUniform("training.learningRate", 1e-4, 1e-1)));
        Assert.Equal([1, 2], started.RungEpochs);
        Assert.Equal(2, started.Trials.Count(t => t.State == TrialState.Running));
        // Only the started sweep is listed: the refused one left nothing behind.
        var listed = await silo.Grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(lab, ScannedProjects.Project)).ListItemsAsync(new ProjectItemQuery(ProjectItemKind.Sweep));
        Assert.Equal(["lr"], listed.Items.Select(i => i.Name));

        var done = await TrainingSetup.WaitForAsync(() => sweep.GetAsync(), s => s!.State != SweepState.Running, "the sweep to finish", TimeSpan.FromMinutes(4));
        var table = string.Join(" | ", done!.Trials.Select(t => $"t{t.Number} {t.State} e{t.EpochsReached} {t.LastMetric} {t.StoppedReason}"));
        output.WriteLine(table);
        Assert.True(done.State == SweepState.Completed, table);
        Assert.Equal(4, done.Trials.Count);
        Assert.Contains(done.Trials, t => t.State == TrialState.StoppedEarly);
        Assert.All(done.Trials.Where(t => t.State == TrialState.StoppedEarly), t =>
        {
            Assert.Contains("stopped early at rung", t.StoppedReason!, StringComparison.Ordinal);
            Assert.InRange(t.EpochsReached, 1, 2);
        });
        Assert.Contains(done.Trials, t => t.State == TrialState.Completed && t.EpochsReached == 3);
        Assert.All(done.Trials, t => Assert.True(t.State is TrialState.Completed or TrialState.StoppedEarly, table));
        Assert.NotNull(done.BestTrial);
        var best = done.Trials.Single(t => t.Number == done.BestTrial);
        Assert.True(best.State == TrialState.Completed, table);
        Assert.Equal(done.Trials.Where(t => t.State == TrialState.Completed).Max(t => t.LastMetric), best.LastMetric);

        foreach (var trial in done.Trials)
        {
            var lr = double.Parse(trial.Parameters["training.learningRate"], CultureInfo.InvariantCulture);
            Assert.InRange(lr, 1e-4, 1e-1);
            var plan = await silo.Grains.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, ScannedProjects.Project, $"lr-t{trial.Number}")).GetVersionAsync(trial.PlanVersion);
            Assert.Equal(lr, plan.Settings.Training.LearningRate);
            var run = await TrainingSetup.RunAsync(silo.Grains, GrainKeys.Run(lab, ScannedProjects.Project, trial.RunId!));
            Assert.True(RunStateMachine.IsFinal(run.State), $"trial {trial.Number}'s run is {run.State}");
            Assert.Equal(trial.State == TrialState.StoppedEarly ? RunState.Cancelled : RunState.Completed, run.State);
        }

        // A cancelled sweep cancels its running trials and never launches the pending ones.
        var cancelled = silo.Grains.GetGrain<ISweepGrain>(GrainKeys.Sweep(lab, ScannedProjects.Project, "cx"));
        await cancelled.StartAsync(Request(3, 1, SweepParameter.Choice("training.learningRate", "0.01", "0.001")));
        var after = await cancelled.CancelAsync();
        Assert.Equal(SweepState.Cancelled, after.State);
        Assert.All(after.Trials, t => Assert.Equal(TrialState.Cancelled, t.State));
        Assert.Single(after.Trials, t => t.RunId is not null);
        var cancelledRun = await TrainingSetup.RunAsync(silo.Grains, GrainKeys.Run(lab, ScannedProjects.Project, after.Trials[0].RunId!));
        Assert.Equal(RunState.Cancelled, cancelledRun.State);
        await Task.Delay(500);
        Assert.Equal(SweepState.Cancelled, (await cancelled.GetAsync())!.State);
        Assert.Equal(2, (await cancelled.GetAsync())!.Trials.Count(t => t.RunId is null));
    }
}
