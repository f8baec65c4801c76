using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Plans.Tasks;
using Platform.Preprocessing.Cases;
using Platform.Training.Inference;
using Platform.Training.Workflow;
using static TorchSharp.torch;

namespace Platform.Training.Packaging;

/// <summary>
/// The one predictor: a model package's members loaded (an ensemble averages their probabilities) with the settings
/// the package records (frozen preprocessing, sliding window, class labels, postprocessing), optionally with a user's
/// overrides. <see cref="SegmentationPredictor"/> does the work underneath. The cross-validation's test cases,
/// <c>platform predict</c> and anything else that predicts with a trained model go through here.
/// </summary>
public sealed class PackagePredictor : IDisposable
{
    private readonly IReadOnlyList<TrainedModel> _members;

    private PackagePredictor(ModelManifest manifest, IReadOnlyList<TrainedModel> members, PredictorSettings settings)
    {
        Manifest = manifest;
        _members = members;
        Settings = settings;
        Models = [.. members.Select(m => (Func<Tensor, Tensor>)m.Segment)];
    }

    public ModelManifest Manifest { get; }

    public PredictorSettings Settings { get; }

    /// <summary>The members' forward calls, in manifest order.</summary>
    public IReadOnlyList<Func<Tensor, Tensor>> Models { get; }

    /// <summary>
    /// Opens a package folder or <c>.zip</c> (unpacked into a temporary folder that is gone once the members are loaded).
    /// </summary>
    /// <exception cref="ModelPackageException">The package is missing, incomplete, altered or of an unknown format.</exception>
    public static PackagePredictor Open(string package, PredictionOverrides? overrides = null, Device? device = null) =>
        ModelPackage.Load(package, (folder, manifest) => manifest.Task == TaskKind.Segmentation
            ? Load(folder, manifest, overrides, device)
            : throw new ModelPackageException(ModelPackageProblem.InvalidManifest, package,
                $"it holds a {manifest.Task} model, which predicts a {(manifest.Task == TaskKind.Classification ? "class" : "value")} per case, not a label map (see TargetPackagePredictor)."));

    /// <summary>The settings a package predicts with, after the user's overrides (no model is loaded).</summary>
    public static PredictorSettings SettingsOf(ModelManifest manifest, PredictionOverrides? overrides = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new PredictorSettings
        {
            Preprocessing = manifest.Preprocessing,
            SlidingWindow = manifest.Inference.ToSlidingWindow(overrides, device),
            ClassLabels = manifest.ClassLabels(),
            Postprocessing = manifest.Postprocessing,
        };
    }

    /// <summary>Every case of a folder of unseen images (see <see cref="SegmentationPredictor.PredictFolder"/>).</summary>
    public PredictionReport PredictFolder(string inputFolder, string outputFolder, string? importedLabelsFolder = null, CancellationToken cancellationToken = default) =>
        SegmentationPredictor.PredictFolder(inputFolder, outputFolder, Models, Settings, importedLabelsFolder, cancellationToken);

    /// <summary>One unseen case (its imported label map given where the model crops around one).</summary>
    public Volume<byte> PredictCase(CaseInput input) => SegmentationPredictor.PredictCase(input, Models, Settings);

    /// <summary>
    /// One unseen case's image files (one per channel, or one holding every channel) → its label map at
    /// <paramref name="outputPath"/> in the first channel's geometry. The file is written beside its name and renamed
    /// into place, so a file under that name is always a whole prediction (a job placed again skips it).
    /// </summary>
    public void PredictFiles(IReadOnlyList<string> channelFiles, string outputPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        var labels = PredictCase(new CaseInput(SegmentationPredictor.ReadChannels(channelFiles)));
        var target = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // The writer picks the format from the extension: keep the target's after the temporary part.
        var name = Path.GetFileName(target);
        var extension = name.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase) ? ".nii.gz" : Path.GetExtension(name);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{name[..^extension.Length]}.{Guid.NewGuid():N}.partial{extension}");
        try
        {
            ImageFile.Write(temporary, labels);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>A case already preprocessed with <see cref="ModelManifest.Preprocessing"/> (a stored case of the plan's data).</summary>
    public Volume<byte> PredictPreprocessed(IReadOnlyList<Volume<float>> channels, CaseMetadata metadata) =>
        SegmentationPredictor.PredictPreprocessed(channels, metadata, Models, Settings.SlidingWindow, Settings.ClassLabels, Settings.Postprocessing);

    /// <summary>Each member's class maps of a preprocessed case: the ensemble's inputs, for scoring members alone on the same passes.</summary>
    public IReadOnlyList<ClassMaps> PredictMembers(IReadOnlyList<Volume<float>> channels) =>
        SegmentationPredictor.PredictMembers(channels, Models, Settings.SlidingWindow);

    /// <summary>Class maps (a member's, or their mean) → postprocessed labels on the case's original grid.</summary>
    public Volume<byte> ToNativeLabels(ClassMaps maps, CaseMetadata metadata) =>
        SegmentationPredictor.ToNativeLabels(maps, metadata, Settings.ClassLabels, Settings.Postprocessing);

    public void Dispose()
    {
        foreach (var member in _members)
            member.Dispose();
    }

    private static PackagePredictor Load(string folder, ModelManifest manifest, PredictionOverrides? overrides, Device? device)
    {
        var settings = SettingsOf(manifest, overrides, device);
        var members = new List<TrainedModel>();
        try
        {
            foreach (var member in manifest.Members)
                members.Add(TrainedModel.Load(Path.Combine(folder, member.Checkpoint), device));
            return new PackagePredictor(manifest, members, settings);
        }
        catch
        {
            foreach (var member in members)
                member.Dispose();
            throw;
        }
    }
}
