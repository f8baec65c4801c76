using Platform.Plans.Tasks;
using Platform.Preprocessing.Cases;
using Platform.Training.Checkpoints;
using Platform.Training.Data;
using Platform.Training.Evaluation;
using Platform.Training.Inference;
using Platform.Training.Networks;
using Platform.Training.Plans;
using Platform.Training.Workflow;
using static TorchSharp.torch;

namespace Platform.Training.Packaging;

/// <summary>
/// Predicts with a classification or regression model package, as <see cref="PackagePredictor"/> does with a segmentation
/// one: each unseen case preprocessed with the package's frozen settings, brought to the plan's patch as in training
/// (<see cref="WholeCaseInput"/>), predicted by every member and averaged (<see cref="TargetEnsembleTesting.Mean"/>).
/// </summary>
public sealed class TargetPackagePredictor : IDisposable
{
    /// <summary>The file a folder's predictions are written to: one row per case.</summary>
    public const string PredictionsFileName = "predictions.csv";

    private readonly IReadOnlyList<ClassificationRegressionNetwork> _members;

    private TargetPackagePredictor(ModelManifest manifest, IReadOnlyList<ClassificationRegressionNetwork> members)
    {
        Manifest = manifest;
        _members = members;
    }

    public ModelManifest Manifest { get; }

    /// <summary>The class names of a classification model, in output order; empty for regression.</summary>
    public IReadOnlyList<string> ClassNames => [.. Manifest.Classes.OrderBy(c => c.Class).Select(c => c.Name ?? c.Class.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Opens a classification or regression package folder or <c>.zip</c>.</summary>
    /// <exception cref="ModelPackageException">The package is missing, damaged, or of a segmentation model.</exception>
    public static TargetPackagePredictor Open(string package) =>
        ModelPackage.Load(package, (folder, manifest) =>
        {
            if (!manifest.Task.HasTargetTable())
                throw new ModelPackageException(ModelPackageProblem.InvalidManifest, package,
                    $"it holds a {manifest.Task} model; this predictor takes classification and regression models (see PackagePredictor).");
            var members = new List<ClassificationRegressionNetwork>();
            try
            {
                foreach (var member in manifest.Members)
                {
                    var (network, state) = CheckpointNetworks.Load(Path.Combine(folder, member.Checkpoint));
                    if (network is not ClassificationRegressionNetwork target || state.Task != manifest.Task)
                    {
                        network.Dispose();
                        throw new ModelPackageException(ModelPackageProblem.InvalidManifest, Path.Combine(package, member.Checkpoint),
                            $"the member holds a {state.Task} network; the manifest says {manifest.Task}.");
                    }

                    members.Add(target);
                }

                return new TargetPackagePredictor(manifest, members);
            }
            catch
            {
                foreach (var m in members)
                    m.Dispose();
                throw;
            }
        });

    /// <summary>One unseen case's image files (one per channel, or one holding every channel): the ensemble's class
    /// probabilities and most probable class, or its value in the table's units.</summary>
    /// <exception cref="ArgumentException">Files that do not give the channels the model takes.</exception>
    public CaseTargetPrediction PredictFiles(string caseId, IReadOnlyList<string> channelFiles)
    {
        var channels = SegmentationPredictor.ReadChannels(channelFiles);
        var expected = Manifest.Preprocessing.Normalization.Count;
        if (channels.Count != expected)
            throw new ArgumentException($"Case {caseId} has {channels.Count} channel(s); the model takes {expected}.", nameof(channelFiles));
        var preprocessed = CasePreprocessor.Run(channels, Manifest.Preprocessing);
        ITrainingCase[] cases = [new VolumeTrainingCase(caseId, preprocessed.Channels)];
        var patch = PlanInterpretation.Patch(Manifest.Plan);
        var members = _members.Select(m => CaseTargetPredictor.Predict(m, cases, patch, CPU, batchSize: 1)).ToList();
        return TargetEnsembleTesting.Mean(members, Manifest.Task)[0];
    }

    /// <summary>
    /// Every case of <paramref name="inputFolder"/> (found as for segmentation, <see cref="PredictionInputs"/>) into
    /// <c>predictions.csv</c> in <paramref name="outputFolder"/>; a case that fails is reported and the rest go on.
    /// </summary>
    public TargetPredictionReport PredictFolder(string inputFolder, string outputFolder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        var results = new List<TargetCasePrediction>();
        foreach (var input in PredictionInputs.Discover(inputFolder, null))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (input.Problem is not null)
            {
                results.Add(new TargetCasePrediction(input.CaseId, null, input.Problem));
                continue;
            }

            try
            {
                results.Add(new TargetCasePrediction(input.CaseId, PredictFiles(input.CaseId, input.Files), null));
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                results.Add(new TargetCasePrediction(input.CaseId, null, $"Case {input.CaseId}: {e.GetType().Name}: {e.Message}"));
            }
        }

        Directory.CreateDirectory(outputFolder);
        var path = Path.Combine(outputFolder, PredictionsFileName);
        File.WriteAllText(path, TargetCsv.Write(Manifest.Task, ClassNames,
            [.. results.Where(r => r.Succeeded).Select(r => new CaseTargetResult(r.CaseId, null, r.Prediction!.Class, r.Prediction.Probabilities, null, r.Prediction.Value))],
            withTruth: false));
        return new TargetPredictionReport(path, results);
    }

    public void Dispose()
    {
        foreach (var member in _members)
            member.Dispose();
    }
}

/// <summary>One case of a folder: its prediction, or why it has none.</summary>
public sealed record TargetCasePrediction(string CaseId, CaseTargetPrediction? Prediction, string? Error)
{
    public bool Succeeded => Prediction is not null;
}

/// <summary>What <see cref="TargetPackagePredictor.PredictFolder"/> did: the CSV it wrote and every case.</summary>
public sealed record TargetPredictionReport(string CsvPath, IReadOnlyList<TargetCasePrediction> Cases)
{
    public IEnumerable<TargetCasePrediction> Failed => Cases.Where(c => !c.Succeeded);
}
