using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Cases;
using Platform.Training.Postprocessing;
using static TorchSharp.torch;

namespace Platform.Training.Inference;

/// <summary>
/// Predicts images with one model or an ensemble: preprocess with the plan's settings, sliding-window
/// inference per model, average the members' probabilities in preprocessed space, map back to the original
/// grid (<see cref="NativeSpaceMapper"/>), postprocess, and write a label map with the input's geometry.
/// Every path that predicts (a fold's validation, the cross-validation's test cases, <c>platform predict</c>) goes
/// through <see cref="PredictPreprocessed"/>, so the same model and settings give the same labels everywhere.
/// </summary>
public static class SegmentationPredictor
{
    /// <summary>
    /// Predicts every case of <paramref name="inputFolder"/> (see <see cref="PredictionInputs"/>) into
    /// <paramref name="outputFolder"/> as <c>{case}{OutputExtension}</c>. With <paramref name="importedLabelsFolder"/>,
    /// each case's imported label map (the localiser an lbd model crops around) is taken from there by case id.
    /// A case that fails is reported with its error and the rest go on; cancellation stops between cases.
    /// </summary>
    public static PredictionReport PredictFolder(
        string inputFolder,
        string outputFolder,
        IReadOnlyList<Func<Tensor, Tensor>> models,
        PredictorSettings settings,
        string? importedLabelsFolder = null,
        CancellationToken cancellationToken = default)
    {
        CheckModels(models);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        var inputs = PredictionInputs.Discover(inputFolder, importedLabelsFolder);
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
                var imported = input.ImportedLabel is null ? null : ImageFile.ReadVolume(input.ImportedLabel);
                var labels = PredictCase(new CaseInput(ReadChannels(input), ImportedLabel: imported), models, settings);
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

    /// <summary>The label map of one case's channels on their original grid (the first channel's geometry).</summary>
    public static Volume<byte> PredictCase(IReadOnlyList<IVolume> channels, IReadOnlyList<Func<Tensor, Tensor>> models, PredictorSettings settings) =>
        PredictCase(new CaseInput(channels), models, settings);

    /// <summary>
    /// The label map of one unseen case on its original grid. Its label, if any, is not used; its imported label map
    /// steers the crop of an lbd model (FRAN's cascade: a localiser's prediction) and is required there.
    /// </summary>
    public static Volume<byte> PredictCase(CaseInput input, IReadOnlyList<Func<Tensor, Tensor>> models, PredictorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        CheckModels(models);
        var expected = settings.Preprocessing.Normalization.Count;
        if (input.Channels.Count != expected)
            throw new ArgumentException($"The image has {input.Channels.Count} channel(s); the plan expects {expected}.", nameof(input));
        if (settings.Preprocessing.Mode == CaseMode.Lbd && input.ImportedLabel is null)
            throw new InvalidOperationException(
                "The model was trained on lbd crops around a localiser's label map (an imported label), and none was given for this image: give its imported label map (a localiser model's prediction, named like the case).");
        // The reference label never steers a prediction: an unseen image has none.
        var preprocessed = CasePreprocessor.Run(input with { Label = null }, settings.Preprocessing);
        return PredictPreprocessed(preprocessed.Channels, preprocessed.Metadata, models, settings.SlidingWindow, settings.ClassLabels, settings.Postprocessing);
    }

    /// <summary>
    /// The label map, on the original grid, of a case already preprocessed with the model's settings (a stored case,
    /// or <see cref="PredictCase(CaseInput, IReadOnlyList{Func{Tensor, Tensor}}, PredictorSettings)"/>'s own): the
    /// members' mean probabilities, mapped back, written as <paramref name="classLabels"/>' values, postprocessed.
    /// </summary>
    public static Volume<byte> PredictPreprocessed(
        IReadOnlyList<Volume<float>> channels,
        CaseMetadata metadata,
        IReadOnlyList<Func<Tensor, Tensor>> models,
        SlidingWindowSettings window,
        IReadOnlyList<byte>? classLabels = null,
        PostprocessingPlan? postprocessing = null) =>
        ToNativeLabels(EnsembleAverager.Average(PredictMembers(channels, models, window)), metadata, classLabels, postprocessing);

    /// <summary>Each member's class maps on the preprocessed grid (the ensemble is their <see cref="EnsembleAverager"/> mean).</summary>
    public static IReadOnlyList<ClassMaps> PredictMembers(IReadOnlyList<Volume<float>> preprocessedChannels, IReadOnlyList<Func<Tensor, Tensor>> models, SlidingWindowSettings window)
    {
        CheckModels(models);
        return [.. models.Select(model => SlidingWindowInference.Predict(preprocessedChannels, model, window))];
    }

    /// <summary>Class maps on the preprocessed grid → labels on the original grid (class k written as <paramref name="classLabels"/>[k]), postprocessed.</summary>
    public static Volume<byte> ToNativeLabels(ClassMaps maps, CaseMetadata metadata, IReadOnlyList<byte>? classLabels = null, PostprocessingPlan? postprocessing = null)
    {
        var labels = NativeSpaceMapper.ToOriginalLabels(maps, metadata, classLabels);
        return postprocessing is null || postprocessing.IsEmpty ? labels : Postprocessor.Apply(labels, postprocessing);
    }

    private static IReadOnlyList<IVolume> ReadChannels(PredictionInput input) => ReadChannels(input.Files);

    /// <summary>A case's channels: one file holding them all (3D or 4D), or one file per channel in channel order.</summary>
    public static IReadOnlyList<IVolume> ReadChannels(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
            throw new ArgumentException("A case needs at least one image file.", nameof(files));
        if (files.Count == 1)
            return ImageFile.Read(files[0]).Channels;
        var channels = new List<IVolume>(files.Count);
        foreach (var file in files)
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
