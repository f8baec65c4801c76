using Platform.Imaging.IO;
using Platform.Training.Augmentation;
using Platform.Training.Checkpoints;
using Platform.Training.Evaluation;
using Platform.Training.Inference;
using Platform.Training.Optimization;
using Platform.Training.Postprocessing;
using Platform.Training.Tests.Support;
using Platform.Training.Trainer;
using Platform.Training.Workflow;
using Xunit.Abstractions;

namespace Platform.Training.Tests.Workflow;

/// <summary>
/// The engine learns: a short CPU training on generated phantoms, scored on held-out cases in their own (native)
/// geometry, reaches organ Dice ≥ 0.8 and lesion Dice ≥ 0.5, both well above the intensity-window baseline. Everything real: files, preprocessing, loader with augmentation, U-Net,
/// sliding window, mapping back, metrics.
/// </summary>
public sealed class LearningTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_short_training_on_phantoms_segments_the_organ_of_held_out_cases_in_native_space()
    {
        using var folder = new TempFolder();
        var (preprocessed, cases) = await PhantomStudy.PrepareAsync(folder.Path, cases: 12, seed: 100);
        var request = new FoldTrainingRequest
        {
            PreprocessedFolder = preprocessed,
            TrainingCases = cases.Take(9).ToList(),
            ValidationCases = cases.Skip(9).ToList(),
            OutputFolder = folder.Sub("fold0"),
            Network = PhantomStudy.Network(),
            Trainer = new TrainerOptions
            {
                Epochs = 12,
                IterationsPerEpoch = 25,
                ValidationBatches = 4,
                Threads = 2,
                Checkpoints = new CheckpointPolicy(EveryEpochs: 4, Interval: TimeSpan.FromMinutes(10)),
                Optimization = new OptimizationOptions(),
            },
            BatchSize = 2,
            PatchSize = PhantomStudy.Patch,
            Seed = 7,
            Augmentation = AugmentationSettings.NnUNet(PhantomStudy.Patch),
            // Unmirrored, to keep the test short; mirroring is a plan's inference setting (PlanInterpretation.SlidingWindow).
            SlidingWindow = new SlidingWindowSettings { PatchSize = PhantomStudy.Patch },
        };

        var result = FoldTraining.Run(request);

        foreach (var epoch in result.Training.History)
            output.WriteLine($"epoch {epoch.Epoch}: train {epoch.TrainLoss:F3}, validation {epoch.ValidationLoss:F3}, pseudo-Dice {string.Join("/", epoch.PseudoDice.Select(d => d.ToString("F2")))}, {epoch.EpochSeconds:F1} s");
        foreach (var c in result.Validation?.Cases ?? [])
            output.WriteLine($"{c.CaseId}: {string.Join(", ", c.Labels.Select(l => $"label {l.Label} Dice {l.Dice:F3}"))}");
        Assert.True(result.Training.Completed);
        var validation = result.Validation!;
        Assert.Equal(3, validation.Cases.Count);
        var organ = validation.MeanDiceOf(1);
        var lesion = validation.MeanDiceOf(2);
        string PerCase(int label) => string.Join(", ", validation.Cases.Select(c => $"{c.CaseId} {c.Labels.Single(l => l.Label == label).Dice:F3}"));
        Assert.True(organ >= 0.8, $"Organ Dice {organ:F3} on held-out cases; per case: {PerCase(1)}.");
        // The lesions are 4 to 40 voxels at 2 × 2 × 4 mm: the label that stayed at 0.000 before the output layers
        // started at the class prior.
        Assert.True(lesion >= 0.5, $"Lesion Dice {lesion:F3} on held-out cases; per case: {PerCase(2)}.");
        // Against the best intensity window chosen on the training cases, on the same cases: these phantoms' organ is
        // nearly separable by a window (about 0.93), so the network must match it; the lesion is not (about 0.0), and
        // the network must be far above it. The abdominal learning test is where every label has to beat the window.
        var baseline = PhantomStudy.WindowBaselineDice(preprocessed, request.TrainingCases, request.ValidationCases, [1, 2]);
        output.WriteLine($"intensity-window baseline: organ {baseline[1]:F3}, lesion {baseline[2]:F3}");
        Assert.True(organ >= baseline[1], $"Organ Dice {organ:F3} is below the intensity-window baseline's {baseline[1]:F3}.");
        Assert.True(lesion >= baseline[2] + 0.3, $"Lesion Dice {lesion:F3} is not 0.3 above the intensity-window baseline's {baseline[2]:F3}.");
        // The predictions were written in each case's original geometry, and their scores are on disk.
        foreach (var id in request.ValidationCases)
        {
            var written = ImageFile.ReadVolume(Path.Combine(result.ValidationFolder!, id + ".nii.gz"));
            var original = ImageFile.ReadHeader(Path.Combine(folder.Path, "raw", "images", $"phantom_{id}.nii.gz"));
            Assert.True(written.Geometry.IsSameSpace(original.Geometry), $"Case {id}: prediction grid {written.Geometry} is not the image's {original.Geometry}.");
        }
        var stored = EvaluationJson.Deserialize(File.ReadAllText(Path.Combine(result.ValidationFolder!, FoldTraining.SummaryFileName)));
        Assert.Equal(organ, stored.MeanDiceOf(1), 6);
        // The learning curve went the right way, and a checkpoint of the final weights predicts like the run did.
        Assert.True(result.Training.History[^1].TrainLoss < result.Training.History[0].TrainLoss);
        using var model = TrainedModel.Load(Path.Combine(result.CheckpointFolder, CheckpointStore.LastFileName));
        Assert.Equal(3, model.Network.Description.Classes);

        // New images, never seen in training: the saved model predicts a folder of them in their own geometry,
        // here as a two-member ensemble (the final and the best checkpoint), the way folds are combined.
        using var best = TrainedModel.Load(Path.Combine(result.CheckpointFolder, CheckpointStore.BestFileName));
        var unseen = Path.Combine(folder.Path, "unseen");
        var report = Platform.DemoData.Layouts.DemoDataset.WriteFran(unseen, "phantom", cases: 2, seed: 500, PhantomStudy.Phantoms);
        var predicted = SegmentationPredictor.PredictFolder(Path.Combine(unseen, "images"), folder.Sub("predicted"), [model.Segment, best.Segment],
            new PredictorSettings
            {
                Preprocessing = PhantomStudy.Settings,
                // As nnU-Net predicts: mirrored over every axis, with the postprocessing chosen on the validation cases.
                SlidingWindow = new SlidingWindowSettings { PatchSize = PhantomStudy.Patch, MirrorAxes = SlidingWindowSettings.AllAxes },
                Postprocessing = result.Postprocessing!.Plan,
            });
        output.WriteLine($"postprocessing chosen on validation: {PostprocessingJson.Serialize(result.Postprocessing)}");
        Assert.Empty(predicted.Failed);
        foreach (var id in report.GoodCases)
        {
            var prediction = ByteLabels.Read(predicted.Cases.Single(c => c.CaseId == $"phantom_{id}").OutputPath!);
            var reference = ByteLabels.Read(Path.Combine(unseen, "lms", $"phantom_{id}.nii.gz"));
            var score = SegmentationEvaluator.EvaluateCase(id, prediction, reference, [1, 2]);
            output.WriteLine($"unseen {id}: organ Dice {score.Labels[0].Dice:F3} (predicted {score.Labels[0].PredictedVoxels}, reference {score.Labels[0].ReferenceVoxels}), lesion Dice {score.Labels[1].Dice:F3} (predicted {score.Labels[1].PredictedVoxels}, reference {score.Labels[1].ReferenceVoxels})");
            var figures = $"Unseen case {id}: organ Dice {score.Labels[0].Dice:F3} (predicted {score.Labels[0].PredictedVoxels}, reference {score.Labels[0].ReferenceVoxels}), lesion Dice {score.Labels[1].Dice:F3} (predicted {score.Labels[1].PredictedVoxels}, reference {score.Labels[1].ReferenceVoxels}).";
            Assert.True(score.Labels[0].Dice >= 0.8, figures);
            // Both unseen cases (seed 500) hold lesions; the model finds them (lesion Dice 0.62 and 0.67 here).
            Assert.True(score.Labels[1].ReferenceVoxels > 0 && score.Labels[1].Dice >= 0.5, figures);
        }
    }
}
