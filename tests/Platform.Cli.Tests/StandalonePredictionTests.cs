using System.Text.Json.Nodes;
using Platform.DemoData.Layouts;
using Platform.DemoData.Phantoms;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;
using Platform.Plans;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Datasets;
using Platform.Testing.Datasets;
using Platform.Training.Checkpoints;
using Platform.Training.Evaluation;
using Platform.Training.Packaging;
using Platform.Training.Plans;
using Platform.Training.Workflow;
using Xunit;
using Xunit.Abstractions;
using PlanNormalization = Platform.Plans.NormalizationScheme;

namespace Platform.Cli.Tests;

/// <summary>
/// <c>platform predict --package</c> on a machine with only the tool, for the model that could not predict unseen images
/// before: an lbd plan that crops around an imported localiser map (FRAN's cascade), merging the localiser's organ into
/// lesion-only labels. The localiser's map of an unseen image is given with --imported-labels; without it every case
/// fails with a message that names it.
/// </summary>
public sealed class StandalonePredictionTests(ITestOutputHelper log) : IDisposable
{
    private static readonly PhantomOptions Phantoms = new() { Shape = new Shape3(64, 64, 24), Spacing = new Vector3D(1.5, 1.5, 4) };
    private readonly TempDataRoot _folder = new();

    /// <summary>
    /// Lbd around the imported map (its organ and lesions as one foreground, 10 mm margin); the reference keeps only the
    /// lesions (remapping_source drops the organ) and the localiser's organ is merged in as label 1.
    /// </summary>
    private static PlanSettings LbdPlan() => PlanSettings.Default with
    {
        Preprocessing = PlanSettings.Default.Preprocessing with
        {
            Mode = PreprocessingMode.Lbd, Spacing = [2, 2, 4], ExpandByMm = 10, Normalization = [PlanNormalization.CT],
            ImportedFolder = "localiser", MergeImportedLabels = true,
            RemappingSource = new LabelRemapping(new Dictionary<int, int> { [1] = 0 }),
            RemappingImported = new LabelRemapping(new Dictionary<int, int> { [1] = 1, [2] = 1 }),
        },
        Network = PlanSettings.Default.Network with
        {
            PatchSize = [32, 32, 16], BatchSize = 2, BaseFeatures = 4, MaxFeatures = 16,
            Stages = [new PlanStage(4, [3, 3, 3], [1, 1, 1]), new PlanStage(8, [3, 3, 3], [2, 2, 2]), new PlanStage(16, [3, 3, 3], [2, 2, 2])],
        },
        Training = PlanSettings.Default.Training with { Epochs = 1, IterationsPerEpoch = 4, ValidationIterations = 1, CheckpointEveryEpochs = 1 },
        Inference = PlanInference.Default with { Mirror = false },
    };

    [Fact]
    public async Task An_lbd_model_with_imported_labels_predicts_an_unseen_image_from_its_zip_given_the_localisers_map()
    {
        var zip = await TrainLbdPackageAsync();
        var unseen = DemoDataset.WriteFran(_folder.PathOf("unseen"), "phantom", cases: 1, seed: 77, Phantoms);
        var caseId = $"phantom_{Assert.Single(unseen.GoodCases)}";
        var images = Path.Combine(unseen.Folder, "images");
        // The localiser's prediction of the unseen image, named like the case (here: its own labels stand in for it).
        var localiser = Path.Combine(unseen.Folder, "lms");
        var elsewhere = Directory.CreateDirectory(_folder.PathOf("elsewhere")).FullName;

        var predicted = await CliRunner.RunStandaloneAsync(elsewhere, "predict", images, "out", "--package", zip, "--imported-labels", localiser, "--json");
        var missing = await CliRunner.RunStandaloneAsync(elsewhere, "predict", images, "out-missing", "--package", zip, "--json");
        log.WriteLine($"with --imported-labels: {predicted}\nwithout: {missing}");

        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        var output = Path.Combine(elsewhere, "out", caseId + ".nii.gz");
        var image = ImageFile.ReadVolume(Path.Combine(images, caseId + ".nii.gz"));
        var labels = ByteLabels.Read(output);
        Assert.Equal(image.Geometry.Shape, labels.Geometry.Shape);
        Assert.True(image.Geometry.IsSameSpace(labels.Geometry), $"The prediction is not in the image's native space: {labels.Geometry} vs {image.Geometry}.");
        Assert.All(labels.Data.Distinct(), v => Assert.InRange(v, (byte)0, (byte)2));

        Assert.Equal(ExitCodes.Unexpected, missing.ExitCode);
        var error = Assert.Single(JsonNode.Parse(missing.Output)!["cases"]!.AsArray())!["error"]!.GetValue<string>();
        Assert.StartsWith($"Case {caseId}:", error, StringComparison.Ordinal);
        Assert.Contains("imported label", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(elsewhere, "out-missing", caseId + ".nii.gz")));
    }

    /// <summary>Preprocesses four phantoms with their localiser maps, trains one short fold and exports its package as a zip.</summary>
    private async Task<string> TrainLbdPackageAsync()
    {
        var plan = LbdPlan();
        var raw = DemoDataset.WriteFran(_folder.PathOf("raw"), "phantom", cases: 4, seed: 31, Phantoms);
        string File(string folder, string id) => Path.Combine(raw.Folder, folder, $"phantom_{id}.nii.gz");
        var settings = PlanInterpretation.Case(plan, [ChannelNormalization.Ct(-30, 160, 85, 30)]);
        var preprocessed = _folder.PathOf("preprocessed");
        // The localiser's maps of the training cases: their own labels, as a localiser that is always right would give.
        var prepared = await DatasetPreprocessor.RunAsync(new DatasetPreprocessingRequest
        {
            OutputFolder = preprocessed,
            Cases = [.. raw.GoodCases.Select(id => new CaseSource(id, [File("images", id)], File("lms", id), File("lms", id)))],
            Settings = settings,
        });
        Assert.Empty(prepared.Failures);
        var classes = PlanInterpretation.Classes(DatasetSummaryBuilder.Read(preprocessed).Labels.Select(l => l.Label), null);
        var fold = FoldTraining.Run(PlanInterpretation.Fold(plan, new FoldCases(preprocessed, raw.GoodCases, [], _folder.PathOf("fold")), classes, plan.Training.Seed, TimeSpan.FromMinutes(10), threads: 2)
            with { LoaderWorkers = 1 });
        var package = _folder.PathOf("model");
        ModelPackage.Write(package, new ModelPackageContents
        {
            Source = new ModelSource(null, "lbd", null, [], [], null, null),
            Plan = plan,
            Preprocessing = settings,
            Members = [new PackageMemberSource(null, Path.Combine(fold.CheckpointFolder, CheckpointStore.LastFileName))],
        });
        var zip = _folder.PathOf("lbd-model.zip");
        ModelPackage.Export(package, zip);
        return zip;
    }

    public void Dispose() => _folder.Dispose();
}
