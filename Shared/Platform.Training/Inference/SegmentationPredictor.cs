using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;
using Platform.Training.Postprocessing;
using static TorchSharp.torch;

namespace Platform.Training.Inference;

/// <summary>
/// Predicts new images with one model or an ensemble: preprocess with the plan's settings, sliding-window
/// inference per model, average the members' probabilities in preprocessed space, map back to the original
/// grid (<see cref="NativeSpaceMapper"/>), postprocess, and write a label map with the input's geometry.
/// </summary>
public static class SegmentationPredictor
{
    /// <summary>
    /// Predicts every case of <paramref name="inputFolder"/> (see <see cref="PredictionInputs"/>) into
    /// <paramref name="outputFolder"/> as <c>{case}{OutputExtension}</c>. A case that fails is reported with its
    /// error and the rest go on; cancellation stops between cases.
    /// </summary>
    public static PredictionReport PredictFolder(
        string inputFolder,
        string outputFolder,
        IReadOnlyList<Func<Tensor, Tensor>> models,
        PredictorSettings settings,
        CancellationToken cancellationToken = default)
    {
        CheckModels(models);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        var inputs = PredictionInputs.Discover(inputFolder);
        Directory.CreateDirectory(outputFolder);
        var results = new List<CasePrediction>(inputs.Count);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (input.Problem is not null)
            {
                results.Add(new CasePrediction(input.CaseId, null, input.Problem));
                continue;
            }

            var outputPath = Path.Combine(outputFolder, input.CaseId + settings.OutputExtension);
            try
            {
                var channels = ReadChannels(input);
                var labels = PredictCase(channels, models, settings);
                ImageFile.Write(outputPath, labels);
                results.Add(new CasePrediction(input.CaseId, outputPath, null));
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // One bad case (unreadable file, wrong channel count, a failing network) must not stop the folder.
                results.Add(new CasePrediction(input.CaseId, null, $"Case {input.CaseId}: {e.GetType().Name}: {e.Message}"));
            }
        }

        return new PredictionReport(results);
    }

    /// <summary>The label map of one case on its original grid (the first channel's geometry).</summary>
    public static Volume<byte> PredictCase(IReadOnlyList<IVolume> channels, IReadOnlyList<Func<Tensor, Tensor>> models, PredictorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(settings);
        CheckModels(models);
        var expected = settings.Preprocessing.Normalization.Count;
        if (channels.Count != expected)
            throw new ArgumentException($"The image has {channels.Count} channel(s); the plan expects {expected}.", nameof(channels));
        var preprocessed = CasePreprocessor.Run(channels, settings.Preprocessing);
        var probabilities = PredictProbabilities(preprocessed.Channels, models, settings.SlidingWindow);
        var labels = NativeSpaceMapper.ToOriginalLabels(probabilities, preprocessed.Metadata, settings.ClassLabels);
        return settings.Postprocessing.IsEmpty ? labels : Postprocessor.Apply(labels, settings.Postprocessing);
    }

    /// <summary>The ensemble's mean probabilities on the preprocessed grid.</summary>
    public static ClassMaps PredictProbabilities(IReadOnlyList<Volume<float>> preprocessedChannels, IReadOnlyList<Func<Tensor, Tensor>> models, SlidingWindowSettings settings)
    {
        CheckModels(models);
        var members = models.Select(model => SlidingWindowInference.Predict(preprocessedChannels, model, settings)).ToArray();
        return EnsembleAverager.Average(members);
    }

    private static IReadOnlyList<IVolume> ReadChannels(PredictionInput input)
    {
        if (input.Files.Count == 1)
            return ImageFile.Read(input.Files[0]).Channels;
        var channels = new List<IVolume>(input.Files.Count);
        foreach (var file in input.Files)
        {
            var stack = ImageFile.Read(file);
            if (stack.Count != 1)
                throw new InvalidDataException($"Channel file {Path.GetFileName(file)} holds {stack.Count} channels; a channel file holds one.");
            channels.Add(stack[0]);
        }

        return channels;
    }

    private static void CheckModels(IReadOnlyList<Func<Tensor, Tensor>> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
            throw new ArgumentException("Prediction needs at least one model.", nameof(models));
        for (var m = 0; m < models.Count; m++)
            if (models[m] is null)
                throw new ArgumentException($"Model {m} is null.", nameof(models));
    }
}
