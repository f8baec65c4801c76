using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Testing;
using Platform.Testing.Datasets;
using Platform.Training.Packaging;
using Xunit;

namespace Platform.Grains.Tests.Engine;

/// <summary>
/// A run with the real engine on a CPU-training silo: the run preprocesses its plan's data, trains its fold,
/// reports every epoch and checkpoint, and stores Dice per validation case and label in native space.
/// </summary>
public sealed class EngineRunTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const int Epochs = 2;

    [Fact]
    public async Task A_run_preprocesses_trains_its_fold_and_stores_native_space_dice_per_case_and_label()
    {
        using var data = new TempDataRoot();
        var settings = EngineStudy.SiloSettings();
        await using var silo = await TrainingSilo.StartAsync(database.ConnectionString, $"eng-{Guid.NewGuid():N}"[..14], data.Root, settings);
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = TrainingSetup.NewLabId("lab-e");
        await EngineStudy.PrepareAsync(silo.Grains, data.Root, lab, cases: 6, seed: 40, EngineStudy.TinyPlan(Epochs));
        await silo.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, ScannedProjects.Project, "default")).GenerateAsync(new SplitSpec(FoldCount: 3, Seed: 5));
        var fold0 = await silo.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, ScannedProjects.Project, "default")).GetFoldAsync(0);

        var key = GrainKeys.Run(lab, ScannedProjects.Project, RunIds.New("tiny", 0, DateTimeOffset.UtcNow));
        var run = silo.Grains.GetGrain<ITrainingRunGrain>(key);
        await run.CreateAsync(new RunRequest("tiny", 1, 0, 3, "default"));
        var done = await TrainingSetup.WaitForRunAsync(silo.Grains, key, r => RunStateMachine.IsFinal(r.State), "finished", TimeSpan.FromMinutes(4));

        Assert.True(done.State == RunState.Completed, $"Run ended {done.State}: {done.History[^1].Reason}");
        var story = string.Join("; ", done.History.Select(h => $"{h.From}->{h.To} {h.Reason}")) + " | " + string.Join("; ", done.Metrics.Select(m => $"e{m.Epoch} {m.TrainLoss} {m.Seconds:F2}s"));
        Assert.True(done.Metrics.All(m => double.IsFinite(m.TrainLoss)), story);
        Assert.Equal(Enumerable.Range(0, Epochs), done.Metrics.Select(m => m.Epoch));
        Assert.All(done.Metrics, m => Assert.True(double.IsFinite(m.TrainLoss) && m.PseudoDice.ContainsKey(1)));
        Assert.Equal(Epochs, done.LastCheckpoint!.Epoch);
        Assert.Contains("dice-1", done.Result!.FinalMetrics.Keys);
        // The run's model package (the test silo's work root is its data root): verified on reading, the fold's final
        // checkpoint with the plan version, its frozen preprocessing and its inference (unmirrored, as the plan says).
        var manifest = ModelPackage.Read(Path.Combine(data.Root, done.Result.Package!));
        Assert.Equal(("tiny", 1, "default"), (manifest.Source.PlanName, manifest.Source.PlanVersion, manifest.Source.SplitName));
        Assert.Equal([0], manifest.Source.Folds);
        Assert.Equal(0, Assert.Single(manifest.Members).Fold);
        Assert.Empty(manifest.Inference.MirrorAxes);
        Assert.Equal([0, 1, 2], manifest.Inference.TrainedMirrorAxes);
        Assert.Equal(3, manifest.Classes.Count);
        Assert.Equal(new Platform.Imaging.Volumes.Vector3D(6, 6, 6), manifest.Preprocessing.TargetSpacing);

        var scores = await run.GetScoresAsync();
        Assert.Equal(fold0.Validation.Order(StringComparer.Ordinal), scores.Select(s => s.CaseId).Distinct().Order(StringComparer.Ordinal));
        // The viewer's prediction comes from where the engine wrote it: a gzip'd NIfTI for every scored case.
        foreach (var caseId in fold0.Validation)
        {
            var prediction = await run.GetPredictionAsync(caseId);
            Assert.Equal([0x1f, 0x8b], prediction!.Content[..2]);
        }

        Assert.All(scores, s => Assert.InRange(s.Label, 1, 2));
        Assert.All(scores.Where(s => s.Label == 1), s => Assert.True(s.ReferenceVoxels > 0, $"Case {s.CaseId} has no organ in its native label."));
        Assert.Equal(done.Result.FinalMetrics["dice-1"], scores.Where(s => s.Label == 1).Average(s => s.Dice), 9);
    }
}
