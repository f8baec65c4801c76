using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.CrossValidation;
using Platform.Grains.Tests.Engine;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.CrossValidation;

/// <summary>
/// Cross-validation as one action on a CPU-training silo with the real engine: a 2-fold split of six tiny phantoms
/// plus two held-out test cases. Every fold trains, every validation case is scored by its own fold, postprocessing
/// is chosen on all of them, and the test cases are predicted by the ensemble of both folds.
/// </summary>
public sealed class CrossValidationTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const int Epochs = 2;

    [Fact]
    public async Task A_cross_validation_trains_every_fold_scores_all_validation_cases_chooses_postprocessing_and_ensembles_the_test_cases()
    {
        using var data = new TempDataRoot();
        var settings = EngineStudy.SiloSettings();
        await using var silo = await TrainingSilo.StartAsync(database.ConnectionString, $"cv-{Guid.NewGuid():N}"[..14], data.Root, settings);
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = TrainingSetup.NewLabId("lab-cv");
        await EngineStudy.PrepareAsync(silo.Grains, data.Root, lab, cases: 8, seed: 41, EngineStudy.TinyPlan(Epochs));
        var split = silo.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, ScannedProjects.Project, "default"));
        await split.GenerateAsync(new SplitSpec(FoldCount: 2, Seed: 5, HoldoutFraction: 0.25));
        var testCases = await split.GetTestCasesAsync();
        Assert.Equal(2, testCases.Count);
        var validationCases = (await split.GetFoldAsync(0)).Validation.Concat((await split.GetFoldAsync(1)).Validation).Order(StringComparer.Ordinal).ToList();

        var cv = silo.Grains.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(lab, ScannedProjects.Project, "tiny-cv"));
        var started = await cv.StartAsync(new CrossValidationRequest("tiny", 1, "default", Seed: 3));
        Assert.Equal(CrossValidationState.Training, started.State);
        Assert.Equal([0, 1], started.Folds.Select(f => f.Fold));
        Assert.Equal(testCases.Order(StringComparer.Ordinal), started.TestCases.Order(StringComparer.Ordinal));

        var seen = new List<CrossValidationSnapshot>();
        var done = await TrainingSetup.WaitForAsync(async () =>
        {
            var snapshot = (await cv.GetAsync())!;
            seen.Add(snapshot);
            return snapshot;
        }, s => s.State is CrossValidationState.Completed or CrossValidationState.Failed or CrossValidationState.Cancelled, "the cross-validation to finish", TimeSpan.FromMinutes(5));

        Assert.True(done.State == CrossValidationState.Completed, $"Cross-validation ended {done.State}: {done.Error}");
        // Progress while running: the folds' runs were seen moving on before the end, and the fraction never went back.
        var story = string.Join(" | ", seen.Select(s => $"{s.State} {s.Fraction:F2} " + string.Join(",", s.Folds.Select(f => $"f{f.Fold}:{f.State}:{f.EpochsDone}"))));
        Assert.True(seen.Any(s => s.State == CrossValidationState.Training && s.Folds.Any(f => f.State is RunState.Preparing or RunState.Running)), story);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second.Fraction >= p.First.Fraction), story);
        Assert.Equal(1, done.Fraction);
        Assert.All(done.Folds, f => Assert.Equal((RunState.Completed, Epochs, Epochs), (f.State, f.EpochsDone, f.TotalEpochs)));

        var result = done.Result!;
        Assert.Equal(validationCases.Count, result.ValidationCases);
        Assert.Equal([1, 2], result.MeanPerLabel.Select(l => l.Label));
        // The overall mean is the mean over every fold's cases, i.e. the folds' means weighted by their case counts.
        var fold1Scores = await silo.Grains.GetGrain<ITrainingRunGrain>(done.Folds[1].RunKey).GetScoresAsync();
        var fold0Scores = await silo.Grains.GetGrain<ITrainingRunGrain>(done.Folds[0].RunKey).GetScoresAsync();
        // A case where a label is empty on both sides (NaN) counts in neither the mean nor the case count, as in nnU-Net.
        Assert.All(result.MeanPerLabel, l => Assert.Equal(fold0Scores.Concat(fold1Scores).Count(s => s.Label == l.Label && !double.IsNaN(s.Dice)), l.Cases));
        Assert.Equal(fold0Scores.Concat(fold1Scores).Where(s => s.Label == 1 && !double.IsNaN(s.Dice)).Average(s => s.Dice), result.MeanPerLabel[0].MeanDice, 9);
        Assert.Equal([0, 1], result.PerFold.Select(f => f.Fold));
        Assert.Equal(fold0Scores.Where(s => s.Label == 1 && !double.IsNaN(s.Dice)).Average(s => s.Dice), result.PerFold[0].PerLabel.Single(l => l.Label == 1).MeanDice, 9);

        Assert.Contains(result.Postprocessing, d => d.Rule == "keep_largest_foreground" && d.Label is null);
        Assert.All(result.Postprocessing, d => Assert.Equal(d.DiceAfter > d.DiceBefore, d.Adopted));

        Assert.Equal(testCases.Order(StringComparer.Ordinal), result.TestScores.Select(s => s.CaseId).Distinct().Order(StringComparer.Ordinal));
        Assert.All(result.TestScores, s => Assert.InRange(s.Dice, 0, 1));
        Assert.All(result.TestScores.Where(s => s.Label == 1), s => Assert.True(s.ReferenceVoxels > 0, $"Test case {s.CaseId} has no organ in its native label."));
        Assert.Equal([1, 2], result.TestMeanPerLabel.Select(l => l.Label));
        var resultFolderFound = Path.Combine(data.Root, result.ResultFolder); // the test silo's work root is its data root
        Assert.True(File.Exists(Path.Combine(resultFolderFound, CrossValidationEvaluator.ResultFileName)));
        Assert.True(File.Exists(Path.Combine(resultFolderFound, CrossValidationEvaluator.PostprocessingFileName)));
        Assert.Equal(testCases.Count, Directory.GetFiles(Path.Combine(resultFolderFound, CrossValidationEvaluator.TestFolderName), "*.nii.gz").Length);
    }
}
