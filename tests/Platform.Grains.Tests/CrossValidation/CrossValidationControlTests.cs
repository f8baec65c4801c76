using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Engine;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Imaging.Volumes;
using Platform.Plans;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.CrossValidation;

/// <summary>
/// How a cross-validation follows its runs without training anything real: a silo whose executor fails every run
/// (the cross-validation fails with the fold's reason), and a simulated slow executor (epochs show up as progress,
/// and a cancel reaches every unfinished run).
/// </summary>
public sealed class CrossValidationControlTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_failing_fold_fails_the_cross_validation_with_its_reason()
    {
        using var data = new TempDataRoot();
        await using var silo = await TrainingSilo.StartAsync(database.ConnectionString, $"cvf-{Guid.NewGuid():N}"[..14], data.Root, new Dictionary<string, string?>
        {
            ["Platform:Training:CpuTraining"] = "true",
            ["Platform:Training:Executor"] = "none",
        });
        TestIdentity.ActAs(TestIdentity.Admin);
        var cv = await StartAsync(silo, data.Root, "lab-cvf");

        var done = await WaitForEndAsync(cv);

        Assert.Equal(CrossValidationState.Failed, done.State);
        Assert.Matches(@"^Fold [01] \(run .+\) failed: .+", done.Error);
        Assert.Contains(done.Folds, f => f.State == RunState.Failed && done.Error!.Contains(f.Reason!, StringComparison.Ordinal));
        Assert.Null(done.Result);
    }

    [Fact]
    public async Task Progress_shows_the_folds_epochs_and_a_cancel_stops_every_unfinished_run()
    {
        using var data = new TempDataRoot();
        await using var silo = await TrainingSilo.StartAsync(database.ConnectionString, $"cvc-{Guid.NewGuid():N}"[..14], data.Root, new Dictionary<string, string?>
        {
            ["Platform:Training:CpuTraining"] = "true",
            ["Platform:Training:Executor"] = "simulated",
            ["Platform:Training:Simulated:Epochs"] = "200",
            ["Platform:Training:Simulated:EpochMilliseconds"] = "100",
            ["Platform:Lists:ProgressInterval"] = "00:00:00.100",
        });
        TestIdentity.ActAs(TestIdentity.Admin);
        var cv = await StartAsync(silo, data.Root, "lab-cvc");
        var lab = GrainKeys.LabOf(cv.GetPrimaryKeyString());
        var list = silo.Grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(lab, ScannedProjects.Project));
        async Task<ProjectItem> Row() => Assert.Single((await list.ListItemsAsync(new ProjectItemQuery(ProjectItemKind.CrossValidation))).Items);

        var moving = await TrainingSetup.WaitForAsync(async () => (await cv.GetAsync())!,
            s => s.Folds.Any(f => f.State == RunState.Running && f.EpochsDone > 0), "a fold's epochs to show", TimeSpan.FromSeconds(60));
        Assert.Equal(CrossValidationState.Training, moving.State);
        Assert.InRange(moving.Fraction, double.Epsilon, 0.9);
        // The total is the plan's epoch count (the simulated executor ignores it), so the fraction is small but not zero.
        Assert.All(moving.Folds, f => Assert.Equal(PlanSettings.Default.Training.Epochs, f.TotalEpochs));
        // The project's list follows the folds' epochs too.
        var listed = await TrainingSetup.WaitForAsync(Row, r => r.EpochsDone > 0, "the list to show the folds' epochs", TimeSpan.FromSeconds(60));
        Assert.Equal(("Training", true, 2, 2 * PlanSettings.Default.Training.Epochs), (listed.State, listed.Active, listed.Parts, listed.EpochsTotal ?? 0));

        var cancelled = await cv.CancelAsync();

        Assert.Equal(CrossValidationState.Cancelled, cancelled.State);
        foreach (var fold in cancelled.Folds)
        {
            var run = await silo.Grains.GetGrain<ITrainingRunGrain>(fold.RunKey).GetAsync();
            Assert.Equal(RunState.Cancelled, run!.State);
        }

        var again = await cv.GetAsync();
        Assert.Equal(CrossValidationState.Cancelled, again!.State);
        var final = await Row();
        Assert.Equal(("Cancelled", false, 0), (final.State, final.Active, final.PartsDone));
        Assert.NotNull(final.FinishedAt);
        await Assert.ThrowsAsync<PlatformConflictException>(() => cv.StartAsync(new CrossValidationRequest("tiny", 1, "default", Seed: 9)));
    }

    /// <summary>Six phantoms (two held out), a saved plan and a 2-fold split, then the cross-validation started.</summary>
    /// <remarks>The caller acts as the administrator first: the identity is async-local and would not flow back out of here.</remarks>
    private static async Task<ICrossValidationGrain> StartAsync(TrainingSilo silo, string dataRoot, string labPrefix)
    {
        var lab = TrainingSetup.NewLabId(labPrefix);
        // Never trained for real (a failing or simulated executor), so the default plan is enough.
        await EngineStudy.PrepareAsync(silo.Grains, dataRoot, lab, cases: 6, seed: 42,
            PlanSettings.Default with { Data = PlanSettings.Default.Data with { Datasources = [ScannedProjects.Datasource] } }, new Shape3(16, 16, 8));
        await silo.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, ScannedProjects.Project, "default")).GenerateAsync(new SplitSpec(FoldCount: 2, Seed: 5, HoldoutFraction: 0.3));
        var cv = silo.Grains.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(lab, ScannedProjects.Project, "tiny-cv"));
        await cv.StartAsync(new CrossValidationRequest("tiny", 1, "default", Seed: 3));
        // The project lists what hangs off it, so pages can find its splits and cross-validations.
        var project = (await silo.Grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab, ScannedProjects.Project)).GetAsync())!;
        Assert.Equal(["default"], project.Splits);
        var listed = await silo.Grains.GetGrain<IProjectListGrain>(GrainKeys.ProjectList(lab, ScannedProjects.Project)).ListItemsAsync(new ProjectItemQuery(ProjectItemKind.CrossValidation));
        var row = Assert.Single(listed.Items);
        Assert.Equal(("tiny-cv", 2), (row.Name, row.Parts));
        // Training, unless a fold of the failing executor has already failed it.
        Assert.Contains(row.State, new[] { "Training", "Failed" });
        return cv;
    }

    private static Task<CrossValidationSnapshot> WaitForEndAsync(ICrossValidationGrain cv) =>
        TrainingSetup.WaitForAsync(async () => (await cv.GetAsync())!,
            s => s.State is CrossValidationState.Completed or CrossValidationState.Failed or CrossValidationState.Cancelled, "the cross-validation to finish", TimeSpan.FromSeconds(60));
}
