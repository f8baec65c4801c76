using System.Text;
using Platform.DemoData.Layouts;
using Platform.DemoData.Phantoms;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Datasources;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Models;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Abstractions.Predictions;
using Platform.Grains.Abstractions.Projects;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Imaging.Volumes;
using Platform.Plans.Tasks;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Engine;

/// <summary>
/// Classification and regression runs with the real engine, through the same run grain, scheduler and training slot as
/// segmentation: refused at creation while the datasource has no table (the datasource named), then trained on the
/// fold's training cases with the table's targets, every validation case predicted and stored, and the figures read
/// back through the run grain.
/// </summary>
public sealed class TargetRunTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const int Cases = 8;
    private const int Epochs = 2;

    [Fact]
    public async Task A_classification_run_is_refused_without_a_table_then_trains_and_stores_a_prediction_per_validation_case()
    {
        using var data = new TempDataRoot();
        await using var cluster = await TrainingCluster.StartAsync(database.ConnectionString, "cls", data.Root, silos: 1, EngineStudy.SiloSettings());
        TestIdentity.ActAs(TestIdentity.Admin);
        var grains = cluster.Grains;
        var (lab, project, datasource, split) = await PrepareAsync(grains, data.Root, "CLS042_Lesion", TaskKind.Classification);
        var key = GrainKeys.Run(lab, project, RunIds.New(EngineStudy.Plan, 0, DateTimeOffset.UtcNow));
        var run = grains.GetGrain<ITrainingRunGrain>(key);
        var request = new RunRequest(EngineStudy.Plan, 1, 0, 3, "default");

        var refused = await Assert.ThrowsAsync<PlatformConflictException>(() => run.CreateAsync(request));
        Assert.Contains($"Datasource '{ScannedProjects.Datasource}' has no target table", refused.Message);
        Assert.Null(await run.GetAsync());

        // Classes alternate within the training and within the validation cases, so both classes train and are scored.
        var fold = await split.GetFoldAsync(0);
        var classOf = fold.Train.Order(StringComparer.Ordinal).Select((c, i) => (c, i % 2))
            .Concat(fold.Validation.Order(StringComparer.Ordinal).Select((c, i) => (c, i % 2))).ToDictionary(p => p.c, p => p.Item2);
        var csv = "case_id,class\n" + string.Concat(classOf.Select(p => $"{p.Key},{(p.Value == 1 ? "lesion" : "none")}\n"));
        await datasource.UploadTargetTableAsync("classes.csv", Encoding.UTF8.GetBytes(csv));

        await run.CreateAsync(request);
        var done = await TrainingSetup.WaitForRunAsync(grains, key, r => RunStateMachine.IsFinal(r.State), "finished", TimeSpan.FromMinutes(6));
        Assert.True(done.State == RunState.Completed, $"The run ended {done.State}: {string.Join("; ", done.History.Select(h => $"{h.From}->{h.To} {h.Reason}"))}");
        Assert.Equal(Enumerable.Range(0, Epochs), done.Metrics.Select(m => m.Epoch));
        Assert.All(done.Metrics, m => Assert.True(double.IsFinite(m.TrainLoss)));
        Assert.Contains("accuracy", done.Result!.FinalMetrics.Keys);
        Assert.True(File.Exists(Path.Combine(data.Root, done.Result.FinalCheckpoint!)), done.Result.FinalCheckpoint);

        var results = (await run.GetTargetResultsAsync())!;
        Assert.Equal(TaskKind.Classification, results.Kind);
        var table = (await datasource.GetTargetTableAsync())!;
        Assert.Equal(table.ClassNames, results.ClassNames);
        Assert.Equal(fold.Validation.Order(StringComparer.Ordinal), results.Cases.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        foreach (var result in results.Cases)
        {
            Assert.Equal(table.ByCase()[result.CaseId].Class, result.TrueClass);
            Assert.Equal(2, result.Probabilities.Count);
            Assert.Equal(1.0, result.Probabilities.Sum(), 6);
            Assert.Equal(result.Probabilities[1] > result.Probabilities[0] ? 1 : 0, result.PredictedClass);
        }

        var figures = results.Classification!;
        Assert.Equal(fold.Validation.Count, figures.Cases);
        Assert.Equal(fold.Validation.Count, figures.Confusion.Sum(row => row.Sum()));
        // The figures are those of the stored cases: accuracy is the confusion matrix's diagonal over its total.
        Assert.Equal((double)(figures.Confusion[0][0] + figures.Confusion[1][1]) / figures.Cases, figures.Accuracy, 9);
        Assert.Equal(figures.Accuracy, done.Result.FinalMetrics["accuracy"], 9);
        Assert.Equal(2, figures.AurocPerClass.Count);
        Assert.Null(results.Regression);
        Assert.Empty(await run.GetScoresAsync());
    }

    [Fact]
    public async Task A_regression_run_stores_predicted_and_true_values_and_their_errors()
    {
        using var data = new TempDataRoot();
        await using var cluster = await TrainingCluster.StartAsync(database.ConnectionString, "reg", data.Root, silos: 1, EngineStudy.SiloSettings());
        TestIdentity.ActAs(TestIdentity.Admin);
        var grains = cluster.Grains;
        var (lab, project, datasource, split) = await PrepareAsync(grains, data.Root, "REGR042_Volume", TaskKind.Regression);
        var fold = await split.GetFoldAsync(1);
        var ids = fold.Train.Concat(fold.Validation).Order(StringComparer.Ordinal).ToList();
        var csv = "case_id,value\n" + string.Concat(ids.Select((c, i) => $"{c},{10 + 2.5 * i}\n"));
        await datasource.UploadTargetTableAsync("values.csv", Encoding.UTF8.GetBytes(csv));

        var key = GrainKeys.Run(lab, project, RunIds.New(EngineStudy.Plan, 1, DateTimeOffset.UtcNow));
        var run = grains.GetGrain<ITrainingRunGrain>(key);
        await run.CreateAsync(new RunRequest(EngineStudy.Plan, 1, 1, 3, "default"));
        var done = await TrainingSetup.WaitForRunAsync(grains, key, r => RunStateMachine.IsFinal(r.State), "finished", TimeSpan.FromMinutes(6));
        Assert.True(done.State == RunState.Completed, $"The run ended {done.State}: {string.Join("; ", done.History.Select(h => $"{h.From}->{h.To} {h.Reason}"))}");

        var results = (await run.GetTargetResultsAsync())!;
        Assert.Equal(TaskKind.Regression, results.Kind);
        Assert.Empty(results.ClassNames);
        var table = (await datasource.GetTargetTableAsync())!.ByCase();
        Assert.Equal(fold.Validation.Order(StringComparer.Ordinal), results.Cases.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.All(results.Cases, c => Assert.Equal(table[c.CaseId].Value, c.TrueValue));
        Assert.All(results.Cases, c => Assert.True(c.PredictedValue is double v && double.IsFinite(v)));
        var figures = results.Regression!;
        var errors = results.Cases.Select(c => c.PredictedValue!.Value - c.TrueValue!.Value).ToList();
        Assert.Equal(errors.Average(Math.Abs), figures.MeanAbsoluteError, 9);
        Assert.Equal(errors.Average(e => e * e), figures.MeanSquaredError, 9);
        Assert.Equal(figures.MeanAbsoluteError, done.Result!.FinalMetrics["mae"], 9);
        Assert.Null(results.Classification);
    }

    [Fact]
    public async Task A_paused_classification_run_stops_after_an_epoch_and_once_resumed_continues_from_its_checkpoint_and_completes()
    {
        const int LongEpochs = 60;
        using var data = new TempDataRoot();
        await using var cluster = await TrainingCluster.StartAsync(database.ConnectionString, "clp", data.Root, silos: 1, EngineStudy.SiloSettings());
        TestIdentity.ActAs(TestIdentity.Admin);
        var grains = cluster.Grains;
        var (lab, project, datasource, split) = await PrepareAsync(grains, data.Root, "CLS043_Lesion", TaskKind.Classification, LongEpochs);
        var fold = await split.GetFoldAsync(0);
        var ids = fold.Train.Order(StringComparer.Ordinal).Concat(fold.Validation.Order(StringComparer.Ordinal)).ToList();
        await datasource.UploadTargetTableAsync("classes.csv", Encoding.UTF8.GetBytes("case_id,class\n" + string.Concat(ids.Select((c, i) => $"{c},{(i % 2 == 0 ? "a" : "b")}\n"))));
        var key = GrainKeys.Run(lab, project, RunIds.New(EngineStudy.Plan, 0, DateTimeOffset.UtcNow));
        var run = grains.GetGrain<ITrainingRunGrain>(key);
        await run.CreateAsync(new RunRequest(EngineStudy.Plan, 1, 0, 3, "default"));

        await TrainingSetup.WaitForRunAsync(grains, key, r => r.Metrics.Count > 0, "a first epoch", TimeSpan.FromMinutes(4));
        await run.PauseAsync();
        var paused = await TrainingSetup.WaitForRunAsync(grains, key, r => r.State != RunState.Running, "the pause", TimeSpan.FromMinutes(2));
        Assert.True(paused.State == RunState.Paused, $"The run is {paused.State}: {string.Join("; ", paused.History.Select(h => $"{h.From}->{h.To} {h.Reason}"))}");
        Assert.InRange(paused.Metrics.Count, 1, LongEpochs - 1);
        Assert.Null(await run.GetTargetResultsAsync());

        await run.ResumeAsync();
        var done = await TrainingSetup.WaitForRunAsync(grains, key, r => RunStateMachine.IsFinal(r.State), "finished", TimeSpan.FromMinutes(6));
        Assert.True(done.State == RunState.Completed, $"The run ended {done.State}: {string.Join("; ", done.History.Select(h => $"{h.From}->{h.To} {h.Reason}"))}");
        Assert.Equal(Enumerable.Range(0, LongEpochs), done.Metrics.Select(m => m.Epoch));
        // Placed again, it continued after the epochs its latest checkpoint holds, not from epoch 0.
        var restarts = done.History.Where(h => h.To == RunState.Running).Select(h => h.Reason ?? "").ToList();
        Assert.Equal(2, restarts.Count);
        Assert.Contains($"from epoch {paused.Metrics.Count} (resumed from a checkpoint)", restarts[1]);
        Assert.Equal(fold.Validation.Count, (await run.GetTargetResultsAsync())!.Classification!.Cases);
    }

    [Fact]
    public async Task A_classification_cross_validation_pools_its_folds_predictions_and_predicts_the_test_cases_with_their_ensemble()
    {
        using var data = new TempDataRoot();
        await using var cluster = await TrainingCluster.StartAsync(database.ConnectionString, "clv", data.Root, silos: 1, EngineStudy.SiloSettings());
        TestIdentity.ActAs(TestIdentity.Admin);
        var grains = cluster.Grains;
        var (lab, project, datasource, split) = await PrepareAsync(grains, data.Root, "CLS044_Lesion", TaskKind.Classification,
            spec: new SplitSpec(FoldCount: 2, Seed: 5, HoldoutFraction: 0.25));
        var testCases = await split.GetTestCasesAsync();
        Assert.Equal(2, testCases.Count);
        var folds = new[] { await split.GetFoldAsync(0), await split.GetFoldAsync(1) };
        // Both classes in every fold's training and validation cases, and among the test cases.
        var ids = folds[0].Validation.Order(StringComparer.Ordinal).Concat(folds[1].Validation.Order(StringComparer.Ordinal)).Concat(testCases.Order(StringComparer.Ordinal)).ToList();
        await datasource.UploadTargetTableAsync("classes.csv", Encoding.UTF8.GetBytes("case_id,class\n" + string.Concat(ids.Select((c, i) => $"{c},{(i % 2 == 0 ? "none" : "lesion")}\n"))));

        var cv = grains.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(lab, project, "cv-cls"));
        await cv.StartAsync(new CrossValidationRequest(EngineStudy.Plan, 1, "default", 3));
        var done = await TrainingSetup.WaitForAsync(async () =>
        {
            TestIdentity.ActAs(TestIdentity.Admin);
            return (await cv.GetAsync())!;
        }, s => s.State is not (CrossValidationState.Training or CrossValidationState.Evaluating), "the cross-validation to finish", TimeSpan.FromMinutes(8));
        Assert.True(done.State == CrossValidationState.Completed, $"The cross-validation ended {done.State}: {done.Error}");
        var targets = done.Result!.Targets!;
        var table = (await datasource.GetTargetTableAsync())!;

        // Pooled: every validation case once, with exactly what its own fold's run stored.
        var stored = new List<CaseTargetResult>();
        foreach (var fold in done.Folds)
            stored.AddRange((await grains.GetGrain<ITrainingRunGrain>(fold.RunKey).GetTargetResultsAsync())!.Cases);
        Assert.Equal(stored.Select(c => c.CaseId).Order(StringComparer.Ordinal), targets.Validation.Cases.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.Equal(folds.Sum(f => f.Validation.Count), targets.Validation.Classification!.Cases);
        Assert.Equal(targets.Validation.Cases.Count, done.Result.ValidationCases);
        Assert.Equal(table.ClassNames, targets.Validation.ClassNames);
        Assert.Equal(targets.Validation.Classification.Cases, targets.Validation.Classification.Confusion.Sum(r => r.Sum()));
        Assert.Empty(done.Result.MeanPerLabel);

        // Per fold: the figures each run reports for itself.
        Assert.Equal([0, 1], targets.PerFold.Select(f => f.Fold));
        foreach (var (fold, figures) in done.Folds.Zip(targets.PerFold))
        {
            var own = (await grains.GetGrain<ITrainingRunGrain>(fold.RunKey).GetTargetResultsAsync())!.Classification!;
            Assert.Equal(own.Accuracy, figures.Classification!.Accuracy, 12);
            Assert.Equal(own.Confusion.SelectMany(r => r), figures.Classification.Confusion.SelectMany(r => r));
        }

        // Test cases: predicted by the ensemble of both folds, scored against the table.
        var test = targets.Test!;
        Assert.Equal(testCases.Order(StringComparer.Ordinal), test.Cases.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        foreach (var c in test.Cases)
        {
            Assert.Equal(table.ByCase()[c.CaseId].Class, c.TrueClass);
            Assert.Equal(1.0, c.Probabilities.Sum(), 6);
            Assert.Equal(c.Probabilities[1] > c.Probabilities[0] ? 1 : 0, c.PredictedClass);
        }

        Assert.Equal(2, test.Classification!.Cases);
        Assert.True(File.Exists(Path.Combine(data.Root, done.Result.ResultFolder, "result.json")));

        // The ensemble's package predicts the same test cases from their image files as the evaluation did from the
        // preprocessed data: the same classes, in words, through the prediction grain.
        var cvModel = new ModelRef(ModelKind.CrossValidation, "cv-cls");
        var description = await grains.GetGrain<IModelGrain>(GrainKeys.Model(lab, project, cvModel)).DescribeAsync() ?? throw new InvalidOperationException("The cross-validation has no model package.");
        Assert.Equal(TaskKind.Classification, description.Task);
        Assert.Equal(table.ClassNames, description.Classes.Select(c => c.Name));
        var prediction = grains.GetGrain<IPredictionGrain>(GrainKeys.Prediction(lab, project, PredictionIds.New(DateTimeOffset.UtcNow)));
        await prediction.StartAsync(new PredictionRequest(cvModel, [.. testCases.Select(c => new PredictionCaseRef(ScannedProjects.Datasource, c))]));
        var predicted = (await TrainingSetup.WaitForAsync(prediction.GetAsync, p => p is { State: not PredictionState.Running }, "the prediction to end", TimeSpan.FromMinutes(3)))!;
        Assert.True(predicted.State == PredictionState.Completed, predicted.Error);
        foreach (var c in test.Cases)
        {
            var row = Assert.Single(predicted.Cases, p => p.CaseId == c.CaseId);
            Assert.True(row.Done, row.Error);
            Assert.Equal($"{table.ClassNames[c.PredictedClass!.Value]} (p {c.Probabilities[c.PredictedClass.Value]:0.00})", row.Summary);
        }
    }

    /// <summary>A lab with a project of <paramref name="kind"/>, its datasource of phantoms registered and scanned, the
    /// tiny plan as version 1 and a saved two-fold split; the datasource has no table yet.</summary>
    private static async Task<(string Lab, string Project, IDatasourceGrain Datasource, ISplitGrain Split)> PrepareAsync(
        IGrainFactory grains, string dataRoot, string project, TaskKind kind, int epochs = Epochs, SplitSpec? spec = null)
    {
        var lab = TrainingSetup.NewLabId("lab-t");
        var folder = $"phantoms-{Guid.NewGuid():N}"[..16];
        DemoDataset.WriteFran(Path.Combine(dataRoot, lab, folder), "phantom", Cases, 21, new PhantomOptions { Shape = new Shape3(32, 32, 12), Spacing = new Vector3D(3, 3, 8) });
        await grains.GetGrain<ILabGrain>(GrainKeys.Lab(lab)).CreateAsync("Lab", TestIdentity.Admin);
        await grains.GetGrain<IProjectGrain>(GrainKeys.Project(lab, project)).CreateAsync("Targets", kind);
        var datasource = grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab, project, ScannedProjects.Datasource));
        await datasource.RegisterAsync(folder);
        await ScannedProjects.WaitForScanAsync(datasource);
        var saved = await grains.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, project, EngineStudy.Plan)).ReviseAsync(EngineStudy.TinyPlan(epochs), 0, null);
        Assert.True(saved.Outcome == PlanRevisionOutcome.Saved, string.Join("; ", saved.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var split = grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, project, "default"));
        await split.GenerateAsync(spec ?? new SplitSpec(FoldCount: 2, Seed: 5));
        await TrainingSetup.WaitForSlotsAsync(grains, lab, slots: 1);
        return (lab, project, datasource, split);
    }
}
