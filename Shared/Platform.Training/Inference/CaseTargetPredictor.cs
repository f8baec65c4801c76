using Platform.Imaging.Volumes;
using Platform.Plans.Tasks;
using Platform.Training.Data;
using Platform.Training.Networks;
using Platform.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Training.Inference;

/// <summary>What a classification or regression network predicts for one case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Class">The most probable class (classification), else null.</param>
/// <param name="Probabilities">One probability per class (classification), else empty.</param>
/// <param name="Value">The value in the target table's units (regression), else null.</param>
public sealed record CaseTargetPrediction(string CaseId, int? Class, IReadOnlyList<double> Probabilities, double? Value);

/// <summary>Predicts a class or a value per case with a <see cref="ClassificationRegressionNetwork"/>, from the same
/// whole-case input it was trained on.</summary>
public static class CaseTargetPredictor
{
    /// <param name="network">A trained network (moved to <paramref name="device"/>, put in eval mode).</param>
    /// <param name="cases">The cases to predict.</param>
    /// <param name="patch">The patch size the network was trained with.</param>
    /// <param name="device">Where to run.</param>
    /// <param name="batchSize">Cases per forward pass.</param>
    public static IReadOnlyList<CaseTargetPrediction> Predict(ClassificationRegressionNetwork network, IReadOnlyList<ITrainingCase> cases, Shape3 patch, Device device, int batchSize = 4)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        network.to(device);
        network.eval();
        var predictions = new List<CaseTargetPrediction>(cases.Count);
        for (int start = 0; start < cases.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var indices = Enumerable.Range(start, Math.Min(batchSize, cases.Count - start)).ToArray();
            var images = BatchTensors.Images(WholeCaseInput.Batch(cases, indices, network.Description.InputChannels, patch), indices.Length, patch, network.Description, device);
            if (network.Head.Task == TaskKind.Classification)
            {
                var probabilities = network.PredictProbabilities(images).cpu().to(ScalarType.Float64);
                var values = probabilities.data<double>().ToArray();
                int classes = network.Head.Outputs;
                for (int b = 0; b < indices.Length; b++)
                {
                    var row = values.AsSpan(b * classes, classes).ToArray();
                    predictions.Add(new CaseTargetPrediction(cases[indices[b]].CaseId, Array.IndexOf(row, row.Max()), row, null));
                }
            }
            else
            {
                var values = network.PredictValues(images);
                for (int b = 0; b < indices.Length; b++)
                    predictions.Add(new CaseTargetPrediction(cases[indices[b]].CaseId, null, [], values[b]));
            }
        }

        return predictions;
    }
}
