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
/// The regression head learns: the organ's volume in millilitres, read from the image of cases it never saw, against
/// the volume of its label map (which the network never sees).
/// </summary>
public sealed class RegressionLearningTests(ITestOutputHelper output)
{
    [Fact]
    public void The_organ_volume_of_held_out_phantoms_is_predicted_from_the_image()
    {
        var clock = Stopwatch.StartNew();
        // Organs from 0.6 to 1.3 times the generator's usual size: volumes over a factor of about ten.
        var options = CasePhantoms.Options(maxLesions: 0, organScale: (0.6, 1.3));
        var training = CasePhantoms.Range(2000, 96, options);
        var heldOut = CasePhantoms.Range(6000, 24, options);
        static double VolumeOf(PhantomCase phantom) => phantom.Label.Data.Count(l => l == PhantomAnatomy.Organ) * CasePhantoms.VoxelMillilitres;
        var table = CasePhantoms.Values(training.Concat(heldOut).Select(c => (c.Case.CaseId, VolumeOf(c.Phantom))));

        manual_seed(21);
        using var network = ClassificationRegressionNetwork.Create(CasePhantoms.Network(), ClassificationRegressionHead.Regression(hiddenFeatures: 32, dropout: 0.1));
        var result = TargetTrainer.Train(network, [.. training.Select(c => (ITrainingCase)c.Case)], table, CasePhantoms.TrainerOptions(epochs: 6, seed: 22), CPU);
        output.WriteLine($"loss per epoch: {string.Join(", ", result.EpochLosses.Select(l => l.ToString("F3")))}; targets {result.Scaling.Mean:F1} ± {result.Scaling.Std:F1} mL; {clock.Elapsed.TotalSeconds:F0} s");

        var predictions = CaseTargetPredictor.Predict(network, [.. heldOut.Select(c => (ITrainingCase)c.Case)], CasePhantoms.Patch, CPU);
        var truth = heldOut.Select(c => VolumeOf(c.Phantom)).ToArray();
        var predicted = predictions.Select(p => p.Value!.Value).ToArray();
        var metrics = RegressionMetrics.Compute(truth, predicted);
        foreach (var (p, t) in predictions.Zip(truth))
            output.WriteLine($"{p.CaseId}: organ {t:F1} mL, predicted {p.Value:F1} mL");
        output.WriteLine($"held out: R² {metrics.RSquared:F3}, MAE {metrics.MeanAbsoluteError:F2} mL, MSE {metrics.MeanSquaredError:F2} mL²; {clock.Elapsed.TotalSeconds:F0} s");

        // Predictions come back in the table's units (millilitres), through the scaling stored in the network.
        Assert.Equal(result.Scaling, network.TargetScaling);
        Assert.InRange(predicted.Average(), truth.Min(), truth.Max());
        Assert.True(metrics.RSquared >= 0.8, $"Held-out R² {metrics.RSquared:F3} is below 0.8 (MAE {metrics.MeanAbsoluteError:F2} mL).");
    }
}
