using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Preprocessing;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Preprocessing.Datasets;
using Platform.Testing;
using Platform.Testing.Datasets;
using Platform.Training.Packaging;
using Xunit;

namespace Platform.Grains.Tests.Engine;

/// <summary>
/// Runs with the real engine on a cluster of two CPU-training silos (two training slots): two folds started together
/// wait for the plan's one preprocessing job, which writes their dataset once, then each trains its fold, reports
/// every epoch and checkpoint, and stores Dice per validation case and label in native space.
/// </summary>
public sealed class EngineRunTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const int Epochs = 2;
    private const int Cases = 6;

    [Fact]
    public async Task Two_folds_started_together_train_from_one_dataset_written_once_and_store_native_space_dice_per_case_and_label()
    {
        using var data = new TempDataRoot();
        await using var cluster = await TrainingCluster.StartAsync(database.ConnectionString, "eng", data.Root, silos: 2, EngineStudy.SiloSettings());
        TestIdentity.ActAs(TestIdentity.Admin);
        var grains = cluster.Grains;
        var lab = TrainingSetup.NewLabId("lab-e");
        await EngineStudy.PrepareAsync(grains, data.Root, lab, Cases, seed: 40, EngineStudy.TinyPlan(Epochs));
        var split = grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, ScannedProjects.Project, "default"));
        await split.GenerateAsync(new SplitSpec(FoldCount: 3, Seed: 5));
        await TrainingSetup.WaitForSlotsAsync(grains, lab, slots: 2);

        var keys = new[] { 0, 1 }.Select(fold => (Fold: fold, Key: GrainKeys.Run(lab, ScannedProjects.Project, RunIds.New("tiny", fold, DateTimeOffset.UtcNow)))).ToList();
        await Task.WhenAll(keys.Select(k => grains.GetGrain<ITrainingRunGrain>(k.Key).CreateAsync(new RunRequest("tiny", 1, k.Fold, 3, "default"))));
        var done = await Task.WhenAll(keys.Select(k => TrainingSetup.WaitForRunAsync(grains, k.Key, r => RunStateMachine.IsFinal(r.State), "finished", TimeSpan.FromMinutes(6))));

        foreach (var run in done)
            Assert.True(run.State == RunState.Completed, $"Run {run.RunId} ended {run.State}: {string.Join("; ", run.History.Select(h => $"{h.From}->{h.To} {h.Reason}"))}");
        // Both slots trained: the folds ran on the two silos, not one after the other on one.
        Assert.Equal(2, done.Select(r => r.History.First(h => h.To == RunState.Preparing).Reason).Distinct().Count());

        // One dataset, recorded by both runs, written by one job and nobody else.
        var dataset = Assert.Single(done.Select(r => r.Dataset).Distinct());
        Assert.NotNull(dataset);
        var job = (await grains.GetGrain<IPreprocessingGrain>(GrainKeys.Plan(lab, ScannedProjects.Project, "tiny")).GetStatusAsync())!;
        Assert.Equal((PreprocessingJobState.Completed, dataset.DatasetKey, Cases, Cases, 0), (job.State, job.DatasetKey, job.Total, job.Done, job.Skipped));
        var folder = Path.Combine(data.Root, dataset.Folder);
        var marker = (await DatasetCompletion.ReadAsync(folder))!;
        Assert.Equal((1, Cases, Cases), (marker.Jobs, marker.Processed, marker.Cases));
        Assert.Equal(Cases, PreprocessedCaseRecords.CompleteCaseIds(folder).Count);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));

        foreach (var (fold, key) in keys)
        {
            var run = done.Single(r => GrainKeys.Run(lab, ScannedProjects.Project, r.RunId) == key);
            var story = string.Join("; ", run.History.Select(h => $"{h.From}->{h.To} {h.Reason}")) + " | " + string.Join("; ", run.Metrics.Select(m => $"e{m.Epoch} {m.TrainLoss} {m.Seconds:F2}s"));
            Assert.Equal(Enumerable.Range(0, Epochs), run.Metrics.Select(m => m.Epoch));
            Assert.All(run.Metrics, m => Assert.True(double.IsFinite(m.TrainLoss) && m.PseudoDice.ContainsKey(1), story));
            Assert.Equal(Epochs, run.LastCheckpoint!.Epoch);
            Assert.Contains("dice-1", run.Result!.FinalMetrics.Keys);
            // The run's model package (the test silo's work root is its data root): verified on reading, the fold's final
            // checkpoint with the plan version, its frozen preprocessing and its inference (unmirrored, as the plan says).
            var manifest = ModelPackage.Read(Path.Combine(data.Root, run.Result.Package!));
            Assert.Equal(("tiny", 1, "default", dataset.DatasetKey), (manifest.Source.PlanName, manifest.Source.PlanVersion, manifest.Source.SplitName, manifest.Source.DatasetKey));
            Assert.Equal([fold], manifest.Source.Folds);
            Assert.Equal(fold, Assert.Single(manifest.Members).Fold);
            Assert.Empty(manifest.Inference.MirrorAxes);
            Assert.Equal([0, 1, 2], manifest.Inference.TrainedMirrorAxes);
            Assert.Equal(3, manifest.Classes.Count);
            Assert.Equal(new Platform.Imaging.Volumes.Vector3D(6, 6, 6), manifest.Preprocessing.TargetSpacing);

            var grain = grains.GetGrain<ITrainingRunGrain>(key);
            var validation = (await split.GetFoldAsync(fold)).Validation;
            var scores = await grain.GetScoresAsync();
            Assert.Equal(validation.Order(StringComparer.Ordinal), scores.Select(s => s.CaseId).Distinct().Order(StringComparer.Ordinal));
            // The viewer's prediction comes from where the engine wrote it: a gzip'd NIfTI for every scored case.
            foreach (var caseId in validation)
                Assert.Equal([0x1f, 0x8b], (await grain.GetPredictionAsync(caseId))!.Content[..2]);
            Assert.All(scores, s => Assert.InRange(s.Label, 1, 2));
            Assert.All(scores.Where(s => s.Label == 1), s => Assert.True(s.ReferenceVoxels > 0, $"Case {s.CaseId} has no organ in its native label."));
            Assert.Equal(run.Result.FinalMetrics["dice-1"], scores.Where(s => s.Label == 1).Average(s => s.Dice), 9);
        }
    }
}
