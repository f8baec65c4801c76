using System.Globalization;
using Platform.Plans;
using Platform.Training.Evaluation;
using Platform.Training.Packaging;
using Platform.Training.Plans;
using Platform.Training.Postprocessing;
using Platform.Training.Workflow;
using Xunit.Abstractions;

namespace Platform.Training.Tests.Packaging;

/// <summary>
/// One model, one case, one inference: a fold's final validation, the cross-validation's ensemble testing and a
/// prediction from the fold's package (an unseen-image folder, raw file in, native-space label map out) give the same
/// labels and the same Dice; the plan's inference settings and the package's postprocessing reach every path.
/// </summary>
public sealed class PackagePredictorTests(TinyPackageStudy study, ITestOutputHelper output) : IClassFixture<TinyPackageStudy>
{
    private static readonly int[] Labels = [1, 2];

    [Fact]
    public void The_fold_validation_the_ensemble_test_and_the_package_predictor_score_a_case_identically()
    {
        var id = study.ValidationCase;
        var package = study.WritePackage("raw", PostprocessingPlan.None);
        var validation = Assert.Single(study.Result.Validation!.Cases);

        var tested = FoldEnsembleTesting.PredictAndScore(new FoldEnsembleTestRequest
        {
            Package = package,
            PreprocessedFolder = study.Preprocessed,
            TestCases = [id],
            Labels = Labels,
            OutputFolder = Path.Combine(study.Root, "ensemble-test"),
        });
        using var predictor = PackagePredictor.Open(package);
        var report = predictor.PredictFolder(study.UnseenFolder(id), Path.Combine(study.Root, "predicted"));
        var predicted = ByteLabels.Read(Assert.Single(report.Cases).OutputPath!);
        var packageScore = SegmentationEvaluator.EvaluateCase(id, predicted, ByteLabels.Read(study.LabelPath(id)), Labels);

        output.WriteLine($"validation {Figures(validation)} | ensemble test {Figures(tested.Ensemble[0])} | package {Figures(packageScore)}");
        var organ = validation.Labels.Single(l => l.Label == 1);
        Assert.True(organ.PredictedVoxels > 0 && organ.Dice > 0, $"The short training predicts no organ: {Figures(validation)}; the comparison would be trivial.");
        foreach (var label in Labels)
        {
            var expected = validation.Labels.Single(l => l.Label == label).Dice;
            AssertSame(expected, tested.Ensemble[0].Labels.Single(l => l.Label == label).Dice, $"ensemble test, label {label}");
            AssertSame(expected, packageScore.Labels.Single(l => l.Label == label).Dice, $"package prediction, label {label}");
        }

        // Not only the scores: the very label maps, voxel for voxel, in the image's own geometry.
        var validationPrediction = ByteLabels.Read(Path.Combine(study.Result.ValidationFolder!, id + ".nii.gz"));
        Assert.True(validationPrediction.Geometry.IsSameSpace(predicted.Geometry));
        Assert.Equal(validationPrediction.Data, predicted.Data);
        Assert.Equal(validationPrediction.Data, ByteLabels.Read(Path.Combine(study.Root, "ensemble-test", id + ".nii.gz")).Data);
    }

    [Fact]
    public void The_plans_mirror_setting_reaches_the_fold_the_package_and_the_predictor()
    {
        var mirrored = TinyPackageStudy.Plan(mirror: true);
        var noMirror = TinyPackageStudy.Plan(mirror: false);
        var untrainedMirror = mirrored with { Augmentation = mirrored.Augmentation with { Mirror = false } };
        Assert.Equal(PlanInference.Default, mirrored.Inference);
        foreach (var (plan, expected, name) in new[] { (mirrored, new[] { 0, 1, 2 }, "default"), (noMirror, [], "no-mirror"), (untrainedMirror, [], "untrained") })
        {
            var fold = PlanInterpretation.Fold(plan, new FoldCases(study.Preprocessed, ["a"], ["b"], study.Root), 3, plan.Training.Seed, TimeSpan.FromMinutes(1), null);
            var manifest = ModelPackage.Read(study.WritePackage(name, PostprocessingPlan.None, plan));
            var predictor = PackagePredictor.SettingsOf(manifest);

            Assert.Equal(expected, fold.SlidingWindow.MirrorAxes);
            Assert.Equal(expected, manifest.Inference.MirrorAxes);
            Assert.Equal(expected, predictor.SlidingWindow.MirrorAxes);
            Assert.Equal((0.5, true), (predictor.SlidingWindow.StepFraction, predictor.SlidingWindow.GaussianWeighting));
        }

        // A user may switch mirroring on (over the axes the training mirrored, none where it did not) or off, and change the step.
        var off = ModelPackage.Read(Path.Combine(study.Root, "packages", "no-mirror"));
        Assert.Equal([0, 1, 2], PackagePredictor.SettingsOf(off, new PredictionOverrides(Mirror: true)).SlidingWindow.MirrorAxes);
        Assert.Empty(PackagePredictor.SettingsOf(ModelPackage.Read(Path.Combine(study.Root, "packages", "untrained")), new PredictionOverrides(Mirror: true)).SlidingWindow.MirrorAxes);
        var on = PackagePredictor.SettingsOf(ModelPackage.Read(Path.Combine(study.Root, "packages", "default")), new PredictionOverrides(Mirror: false, StepFraction: 0.25));
        Assert.Equal((0, 0.25), (on.SlidingWindow.MirrorAxes.Count, on.SlidingWindow.StepFraction));
    }

    [Fact]
    public void The_postprocessing_recorded_in_the_package_is_applied_by_predict()
    {
        var id = study.ValidationCase;
        // Removing every organ component smaller than the image: a rule that must change any prediction with organ voxels.
        var rule = new PostprocessingPlan { Labels = [new LabelPostprocessing(1, MinimumVoxels: long.MaxValue)] };
        using var plain = PackagePredictor.Open(study.WritePackage("plain", PostprocessingPlan.None));
        using var postprocessed = PackagePredictor.Open(study.WritePackage("postprocessed", rule));
        var input = study.UnseenFolder(id);

        var before = ByteLabels.Read(Assert.Single(plain.PredictFolder(input, Path.Combine(study.Root, "before")).Cases).OutputPath!);
        var after = ByteLabels.Read(Assert.Single(postprocessed.PredictFolder(input, Path.Combine(study.Root, "after")).Cases).OutputPath!);

        Assert.Contains((byte)1, before.Data);
        Assert.DoesNotContain((byte)1, after.Data);
        Assert.Equal(Postprocessor.Apply(before, rule).Data, after.Data);
    }

    private static void AssertSame(double expected, double actual, string what) =>
        Assert.True(double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(expected - actual) <= 1e-6,
            string.Create(CultureInfo.InvariantCulture, $"{what}: Dice {actual:R}, the fold's validation {expected:R}."));

    private static string Figures(CaseEvaluation evaluation) => string.Join(", ", evaluation.Labels.Select(l =>
        string.Create(CultureInfo.InvariantCulture, $"label {l.Label} Dice {l.Dice:F4} ({l.PredictedVoxels}/{l.ReferenceVoxels} vx)")));
}
