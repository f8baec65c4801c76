using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Engine;
using Platform.Grains.Tests.Engine;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Grains.Training.Execution;
using Platform.Plans;
using Platform.Preprocessing.Datasets;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.CrossValidation;

/// <summary>
/// A rescan between training and evaluation: a cross-validation of a CT-normalised plan on two training silos trains
/// both folds, then (before the evaluation) a case is added and another's intensities change, and the datasource is
/// scanned again. The new CT statistics would give another dataset key; the evaluation still reads the dataset the
/// folds recorded, whose files nobody touched, and the plan version and the runs say the data changed.
/// </summary>
public sealed class FrozenDatasetTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const int Cases = 6;

    private static PlanSettings CtPlan() => EngineStudy.TinyPlan() with
    {
        Preprocessing = EngineStudy.TinyPlan().Preprocessing with { Normalization = [NormalizationScheme.CT] },
    };

    [Fact]
    public async Task A_rescan_that_changes_the_data_between_training_and_evaluation_changes_neither_the_evaluated_dataset_nor_its_files_and_is_reported()
    {
        using var data = new TempDataRoot();
        var gate = new CompletionGate();
        void Held(IServiceCollection services) => services.AddSingleton<ITrainingExecutor>(sp =>
            new HeldCompletionExecutor(ActivatorUtilities.CreateInstance<EngineTrainingExecutor>(sp), gate));
        await using var cluster = await TrainingCluster.StartAsync(database.ConnectionString, "fz", data.Root, silos: 2, EngineStudy.SiloSettings(), Held);
        TestIdentity.ActAs(TestIdentity.Admin);
        var grains = cluster.Grains;
        var lab = TrainingSetup.NewLabId("lab-fz");
        var folder = await EngineStudy.PrepareAsync(grains, data.Root, lab, Cases, seed: 44, CtPlan());
        var project = grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab, ScannedProjects.Project));
        var plan = grains.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, ScannedProjects.Project, EngineStudy.Plan));
        await grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, ScannedProjects.Project, "default")).GenerateAsync(new SplitSpec(FoldCount: 2, Seed: 5, HoldoutFraction: 0.3));
        await TrainingSetup.WaitForSlotsAsync(grains, lab, slots: 2);
        var configured = await project.GetFingerprintAsync(null);
        Assert.Equal(configured.Id, (await plan.GetVersionAsync(1)).FingerprintId);

        var cv = grains.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(lab, ScannedProjects.Project, "frozen-cv"));
        var started = await cv.StartAsync(new CrossValidationRequest(EngineStudy.Plan, 1, "default", Seed: 3));
        await TrainingSetup.WaitForAsync(() => Task.FromResult(gate.Trained.Count), n => n == 2, "both folds to train", TimeSpan.FromMinutes(6));

        var runs = await Task.WhenAll(started.Folds.Select(f => grains.GetGrain<ITrainingRunGrain>(f.RunKey).GetAsync()));
        var dataset = Assert.Single(runs.Select(r => r!.Dataset).Distinct());
        Assert.NotNull(dataset);
        Assert.Equal(configured.Id, dataset.FingerprintId);
        var datasetFolder = Path.Combine(data.Root, dataset.Folder);
        var filesBefore = Files(datasetFolder);

        // The data changes: one case's intensities, and a new case; the datasource is scanned again.
        FranFolderChanges.ShiftIntensitiesOfLastCase(folder, scale: 1.5f, offset: 200);
        FranFolderChanges.AddCopyOfFirstCase(folder, "90001");
        var datasource = grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab, ScannedProjects.Project, ScannedProjects.Datasource));
        await datasource.RescanAsync();
        await ScannedProjects.WaitForScanAsync(datasource);

        // People are told, on the plan version and on the runs; nothing they use changed.
        var current = await project.GetFingerprintAsync(null);
        Assert.NotEqual(configured.Id, current.Id);
        foreach (var drift in new[] { await plan.GetDataDriftAsync(1), await grains.GetGrain<ITrainingRunGrain>(started.Folds[0].RunKey).GetDataDriftAsync() })
        {
            Assert.Equal((true, configured.Id, current.Id, 1, 0, true),
                (drift.Changed, drift.RecordedFingerprintId, drift.CurrentFingerprintId, drift.CasesAdded, drift.CasesRemoved, drift.CtStatisticsChanged));
            Assert.Contains("1 case added/0 removed, CT statistics changed", drift.Message, StringComparison.Ordinal);
        }

        Assert.Equal(configured.Id, (await plan.GetVersionAsync(1)).FingerprintId);

        gate.Open();
        var done = await TrainingSetup.WaitForAsync(async () => (await cv.GetAsync())!,
            s => s.State is CrossValidationState.Completed or CrossValidationState.Failed or CrossValidationState.Cancelled, "the cross-validation to finish", TimeSpan.FromMinutes(4));

        Assert.True(done.State == CrossValidationState.Completed, $"Cross-validation ended {done.State}: {done.Error}");
        var result = done.Result!;
        Assert.Equal(dataset.DatasetKey, result.DatasetKey);
        // The folder the folds trained on is the one evaluated, untouched: no case rewritten, none added, no other dataset written.
        Assert.Equal(filesBefore, Files(datasetFolder));
        Assert.Equal(1, (await DatasetCompletion.ReadAsync(datasetFolder))!.Jobs);
        Assert.Equal([dataset.DatasetKey], Directory.GetDirectories(Path.GetDirectoryName(datasetFolder)!).Select(Path.GetFileName));
        // The scores are the folds' own and the test cases' from that folder: every validation and test case, none added.
        var foldScores = (await Task.WhenAll(started.Folds.Select(f => grains.GetGrain<ITrainingRunGrain>(f.RunKey).GetScoresAsync()))).SelectMany(s => s).ToList();
        Assert.Equal(foldScores.Select(s => s.CaseId).Distinct().Count(), result.ValidationCases);
        Assert.Equal(started.TestCases.Order(StringComparer.Ordinal), result.TestScores.Select(s => s.CaseId).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.TestScores.Concat(foldScores), s => s.CaseId == "90001");
        Assert.All(result.TestScores, s => Assert.False(double.IsNaN(s.Dice) && s.ReferenceVoxels > 0, $"{s.CaseId} label {s.Label}"));

        // What the user decides to do: a new version of the same settings uses the new data, hence another dataset.
        var saved = await plan.ReviseAsync((await plan.GetVersionAsync(1)).Settings, 1, "use the rescanned data");
        Assert.Equal(current.Id, saved.Current!.FingerprintId);
        var job = grains.GetGrain<Abstractions.Preprocessing.IPreprocessingGrain>(GrainKeys.Plan(lab, ScannedProjects.Project, EngineStudy.Plan));
        var newer = await job.StartAsync();
        await job.CancelAsync();
        Assert.Equal(2, newer.PlanVersion);
        Assert.NotEqual(dataset.DatasetKey, newer.DatasetKey);
    }

    /// <summary>Every file of the dataset with its size and write time: any rewrite or addition shows.</summary>
    private static List<(string Name, long Length, DateTime Written)> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(folder, f), new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)))];
}
