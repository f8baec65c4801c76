using System.Diagnostics;
using Platform.DemoData.Phantoms;
using Platform.Training.Data;
using Platform.Training.Evaluation;
using Platform.Training.Inference;
using Platform.Training.Networks;
using Platform.Training.Trainer;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Tasks;

/// <summary>
/// The classification head learns: phantoms with and without a lesion (a hypodense sphere inside the organ), told apart
/// from the whole image on cases it never saw, with both classes found, not a majority answer.
/// </summary>
public sealed class ClassificationLearningTests(ITestOutputHelper output)
{
    private static readonly string[] ClassNames = ["no lesion", "lesion"];

    [Fact]
    public void Phantoms_with_a_lesion_are_told_from_phantoms_without_one_on_held_out_cases()
    {
        var clock = Stopwatch.StartNew();
        // At most one lesion, as large as the generator allows in a large organ: about half the cases have one.
        var options = CasePhantoms.Options(maxLesions: 1, lesionRadius: (0.45, 0.5), organScale: (1.2, 1.4), noiseHu: 10);
        var training = CasePhantoms.Range(1000, 96, options);
        var heldOut = CasePhantoms.Range(5000, 24, options);
        static int ClassOf(PhantomCase phantom) => phantom.Anatomy.Lesions.Count > 0 ? 1 : 0;
        var table = CasePhantoms.Classes(ClassNames, training.Concat(heldOut).Select(c => (c.Case.CaseId, ClassOf(c.Phantom))));
        output.WriteLine($"training: {training.Count(c => ClassOf(c.Phantom) == 1)} of {training.Count} with a lesion; held out: {heldOut.Count(c => ClassOf(c.Phantom) == 1)} of {heldOut.Count}");

        manual_seed(11);
        using var network = ClassificationRegressionNetwork.Create(CasePhantoms.Network(), ClassificationRegressionHead.Classification(2, hiddenFeatures: 32, dropout: 0.1));
        var result = TargetTrainer.Train(network, [.. training.Select(c => (ITrainingCase)c.Case)], table, CasePhantoms.TrainerOptions(epochs: 8, seed: 12), CPU);
        output.WriteLine($"loss per epoch: {string.Join(", ", result.EpochLosses.Select(l => l.ToString("F3")))}; class weights {string.Join(", ", result.ClassWeights.Select(w => w.ToString("F2")))}; {clock.Elapsed.TotalSeconds:F0} s");

        var predictions = CaseTargetPredictor.Predict(network, [.. heldOut.Select(c => (ITrainingCase)c.Case)], CasePhantoms.Patch, CPU);
        var truth = heldOut.Select(c => ClassOf(c.Phantom)).ToArray();
        var metrics = ClassificationMetrics.Compute(truth, predictions.Select(p => p.Probabilities).ToArray(), 2);
        foreach (var (prediction, phantom) in predictions.Zip(heldOut))
            output.WriteLine($"{prediction.CaseId}: truth {ClassNames[ClassOf(phantom.Phantom)]}, P(lesion) {prediction.Probabilities[1]:F3}");
        output.WriteLine($"held out: AUROC {metrics.AurocPerClass[1]:F3}, accuracy {metrics.Accuracy:F3}, balanced {metrics.BalancedAccuracy:F3}, " +
            $"recall {string.Join("/", metrics.RecallPerClass.Select(r => r.ToString("F2")))}, confusion {string.Join(" ", metrics.Confusion.Select(r => "[" + string.Join(",", r) + "]"))}; {clock.Elapsed.TotalSeconds:F0} s");

        Assert.Equal(0, result.SkippedSteps);
        Assert.True(metrics.AurocPerClass[1] >= 0.9, $"Held-out AUROC of the lesion class {metrics.AurocPerClass[1]:F3} is below 0.9.");
        // Each class mostly right: a network answering the majority class would have one recall at 0.
        Assert.All(metrics.RecallPerClass, r => Assert.True(r >= 0.7, $"Per-class recall {string.Join(", ", metrics.RecallPerClass)}: a class is missed."));
        Assert.True(result.EpochLosses[^1] < result.EpochLosses[0]);
    }
}
