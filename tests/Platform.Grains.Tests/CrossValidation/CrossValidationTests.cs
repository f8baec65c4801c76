using System.Globalization;
using Platform.DemoData.Phantoms;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.CrossValidation;
using Platform.Grains.Abstractions.Results;
using Platform.Grains.Abstractions.Splits;
using Platform.Grains.Abstractions.Training;
using Platform.Grains.CrossValidation;
using Platform.Grains.Tests.Engine;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Testing;
using Platform.Testing.Datasets;
using Platform.Training.Packaging;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Grains.Tests.CrossValidation;

/// <summary>
/// Cross-validation as one action on a CPU-training silo with the real engine: a 2-fold split of eight phantoms
/// plus two held-out test cases. Every fold trains, every validation case is scored by its own fold, postprocessing
/// is chosen on all of them, and the test cases are predicted by the ensemble of both folds. The models must have
/// learned both labels, and the ensemble must not be worse on the test cases than its members alone.
/// </summary>
public sealed class CrossValidationTests(MigratedDatabaseFixture database, ITestOutputHelper output) : IClassFixture<MigratedDatabaseFixture>
{
    // The engine learning test's phantoms and configuration (EngineStudy.LearningPlan): with the tiny plan's
    // 3×3×8 mm phantoms at 6 mm a lesion is one or two voxels and stays at Dice 0 whatever the budget.
    private const int Epochs = 12;
    private const int Iterations = 25;
    // Up to six lesions a case (the default is three): each fold trains on six cases only, and with three the
    // training cases of a fold can hold so few lesion voxels that its model never predicts one.
    private static readonly PhantomOptions Phantoms = EngineStudy.LearnablePhantoms with { MaxLesions = 6 };

    // What this configuration reached when both folds trained with one seed (3), measured twice with identical figures
    // (training is deterministic on CPU); with the plan's seed plus the fold number it passes the same thresholds:
    // cross-validation organ 0.923 over 12 cases, lesion 0.689 over 11; on the two test cases the ensemble has organ
    // 0.936 and lesion 0.750 (one case has a lesion), the single folds organ 0.935/0.934 and lesion 0.571/0.917.
    // With the tiny plan (2 epochs of 3 iterations) the lesion stays at 0, so these thresholds can fail. The ensemble
    // check rests on one lesion case: seed 3 plus the fold number gave validation organ 0.931 and lesion 0.667, but on
    // that case an ensemble lesion of 0.545 against single folds 0.357/0.844, below the margin.
    private const double OrganCrossValidationDice = 0.8;
    private const double LesionCrossValidationDice = 0.5;
    // The ensemble averages its members' probabilities: per label, on the test cases, it may trail the mean of
    // the single folds' Dice by this much at most (nnU-Net's ensembles are usually at or above their members). It
    // does fail where one member never predicts the lesion: its zero probabilities halve the other's and the
    // ensemble loses the lesion (seen with three lesions a case at most: ensemble 0.000 against folds 0.419/0.000).
    private const double EnsembleMargin = 0.05;

    [Fact]
    public async Task A_cross_validation_trains_every_fold_scores_all_validation_cases_chooses_postprocessing_and_ensembles_the_test_cases()
    {
        using var data = new TempDataRoot();
        var settings = EngineStudy.SiloSettings();
        await using var silo = await TrainingSilo.StartAsync(database.ConnectionString, $"cv-{Guid.NewGuid():N}"[..14], data.Root, settings);
        TestIdentity.ActAs(TestIdentity.Admin);
        var lab = TrainingSetup.NewLabId("lab-cv");
        await EngineStudy.PrepareAsync(silo.Grains, data.Root, lab, cases: 14, seed: 41, EngineStudy.LearningPlan(Epochs, Iterations), phantoms: Phantoms);
        var split = silo.Grains.GetGrain<ISplitGrain>(GrainKeys.Split(lab, ScannedProjects.Project, "default"));
        await split.GenerateAsync(new SplitSpec(FoldCount: 2, Seed: 5, HoldoutFraction: 0.15));
        var testCases = await split.GetTestCasesAsync();
        Assert.Equal(2, testCases.Count);
        var validationCases = (await split.GetFoldAsync(0)).Validation.Concat((await split.GetFoldAsync(1)).Validation).Order(StringComparer.Ordinal).ToList();

        var cv = silo.Grains.GetGrain<ICrossValidationGrain>(GrainKeys.CrossValidation(lab, ScannedProjects.Project, "tiny-cv"));
        // No seed: the plan's training.seed, plus each fold's number (folds 0 and 1 train with 12345 and 12346).
        var started = await cv.StartAsync(new CrossValidationRequest("tiny", 1, "default", Seed: null));
        Assert.Equal(CrossValidationState.Training, started.State);
        Assert.Equal([0, 1], started.Folds.Select(f => f.Fold));
        Assert.Equal(testCases.Order(StringComparer.Ordinal), started.TestCases.Order(StringComparer.Ordinal));

        var seen = new List<CrossValidationSnapshot>();
        var done = await TrainingSetup.WaitForAsync(async () =>
        {
            // A fresh token each poll, as a real client renews its own: on a busy machine the training outlasts one token's lifetime.
            TestIdentity.ActAs(TestIdentity.Admin);
            var snapshot = (await cv.GetAsync())!;
            seen.Add(snapshot);
            return snapshot;
        }, s => s.State is CrossValidationState.Completed or CrossValidationState.Failed or CrossValidationState.Cancelled, "the cross-validation to finish", TimeSpan.FromMinutes(15));

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
        Assert.All(result.TestScores.Where(s => s.Label == 1), s => Assert.True(s.ReferenceVoxels > 0, $"Test case {s.CaseId} has no organ in its native label."));
        Assert.Equal([1, 2], result.TestMeanPerLabel.Select(l => l.Label));

        // What the folds learned: every label's mean Dice over all validation cases (each by its own fold's model).
        var figures = Figures(result, fold0Scores.Concat(fold1Scores));
        output.WriteLine(figures);
        var validationOrgan = result.MeanPerLabel.Single(l => l.Label == 1).MeanDice;
        var validationLesion = result.MeanPerLabel.Single(l => l.Label == 2).MeanDice;
        Assert.True(validationOrgan >= OrganCrossValidationDice, $"Cross-validation organ Dice {validationOrgan:F3} < {OrganCrossValidationDice}.\n{figures}");
        Assert.True(validationLesion >= LesionCrossValidationDice, $"Cross-validation lesion Dice {validationLesion:F3} < {LesionCrossValidationDice}.\n{figures}");

        // Each fold's model alone on the test cases, from the ensemble's passes, beside the ensemble.
        var perFold = result.TestPerFold!;
        Assert.Equal([0, 1], perFold.Select(f => f.Fold));
        Assert.All(perFold, f => Assert.Equal(result.TestScores.Select(s => (s.CaseId, s.Label)), f.Scores.Select(s => (s.CaseId, s.Label))));
        Assert.All(perFold, f => Assert.Equal(CrossValidationEvaluator.MeanPerLabel(f.Scores), f.PerLabel));
        foreach (var label in new[] { 1, 2 })
        {
            var ensemble = result.TestMeanPerLabel.Single(l => l.Label == label);
            Assert.True(ensemble.Cases > 0, $"No test case defines label {label}: the comparison below would be empty.\n{figures}");
            // Averaging two folds' logits lands between them: on the organ (thousands of voxels) near their mean; on a
            // lesion of a few tens of voxels in one test case it can sit anywhere between the folds (one fold finding 6
            // of 22 voxels, the other 23, gave 11). So the organ is held to the folds' mean, every label to the worst fold.
            var singles = perFold.Select(f => f.PerLabel.Single(l => l.Label == label).MeanDice).ToList();
            var bound = label == 1 ? singles.Average() : singles.Min();
            Assert.True(ensemble.MeanDice >= bound - EnsembleMargin,
                $"Label {label}: the ensemble's test Dice {ensemble.MeanDice:F3} is more than {EnsembleMargin} below the single folds' {(label == 1 ? "mean" : "worst")} {bound:F3}.\n{figures}");
        }

        var resultFolderFound = Path.Combine(data.Root, result.ResultFolder); // the test silo's work root is its data root
        Assert.True(File.Exists(Path.Combine(resultFolderFound, CrossValidationEvaluator.ResultFileName)));
        Assert.True(File.Exists(Path.Combine(resultFolderFound, CrossValidationEvaluator.PostprocessingFileName)));
        Assert.Equal(testCases.Count, Directory.GetFiles(Path.Combine(resultFolderFound, CrossValidationEvaluator.TestFolderName), "*.nii.gz").Length);
        // The ensemble's model package: both folds' checkpoints and the adopted pooled postprocessing, what the test cases were predicted with.
        var manifest = ModelPackage.Read(Path.Combine(data.Root, result.Package!));
        Assert.Equal([0, 1], manifest.Members.Select(m => m.Fold!.Value));
        Assert.Equal(done.Folds.Select(f => GrainKeys.Parse(f.RunKey).Name), manifest.Source.RunIds);
        Assert.Equal(result.Postprocessing.Any(d => d.Adopted), !manifest.Postprocessing.IsEmpty);
    }

    /// <summary>Every figure the assertions look at, per label and per case, so that a failure explains itself.</summary>
    private static string Figures(CrossValidationResult result, IEnumerable<CaseScore> validationScores)
    {
        static string Means(IEnumerable<LabelDice> labels) =>
            string.Join(", ", labels.Select(l => string.Create(CultureInfo.InvariantCulture, $"label {l.Label} {l.MeanDice:F3} over {l.Cases}")));
        static string Cases(IEnumerable<CaseScore> scores) =>
            string.Join("; ", scores.GroupBy(s => s.CaseId).Select(c => c.Key + " " + string.Join("/", c.OrderBy(s => s.Label).Select(s =>
                string.Create(CultureInfo.InvariantCulture, $"{s.Label}:{s.Dice:F3} ({s.PredictedVoxels}/{s.ReferenceVoxels} vx)")))));
        var lines = new List<string>
        {
            $"validation mean: {Means(result.MeanPerLabel)}",
            $"validation cases: {Cases(validationScores)}",
            $"test ensemble mean: {Means(result.TestMeanPerLabel)}",
            $"test ensemble cases: {Cases(result.TestScores)}",
        };
        foreach (var fold in result.TestPerFold ?? [])
            lines.Add($"test fold {fold.Fold} alone: {Means(fold.PerLabel)}; cases: {Cases(fold.Scores)}");
        return string.Join("\n", lines);
    }
}
