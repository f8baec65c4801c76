using Platform.DemoData.Layouts;
using Platform.Plans.Tasks;
using Platform.Preprocessing.Datasets;
using Platform.Training.Checkpoints;
using Platform.Training.Data;
using Platform.Training.Inference;
using Platform.Training.Networks;
using Platform.Training.Packaging;
using Platform.Training.Plans;
using Platform.Training.Tests.Support;
using Platform.Training.Tests.Workflow;
using Platform.Training.Trainer;
using static TorchSharp.torch;

namespace Platform.Training.Tests.Packaging;

/// <summary>
/// Classification and regression packages: written from case-level checkpoints with their class names, read back by
/// their task, refused by the segmentation predictor, and predicting an unseen image file exactly as the same network
/// predicts the case preprocessed by the dataset pipeline (the frozen preprocessing and the whole-case input are one).
/// </summary>
public sealed class TargetPackagePredictorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_regression_package_predicts_an_unseen_image_as_its_network_predicts_the_preprocessed_case_and_writes_a_csv()
    {
        var plan = TinyPackageStudy.Plan();
        var raw = Path.Combine(_folder.Path, "raw");
        var written = DemoDataset.WriteFran(raw, "phantom", cases: 2, seed: 33, PhantomStudy.Phantoms);
        var preprocessed = Path.Combine(_folder.Path, "preprocessed");
        var image = Path.Combine(raw, "images", $"phantom_{written.GoodCases[0]}.nii.gz");
        await DatasetPreprocessor.RunAsync(new DatasetPreprocessingRequest
        {
            OutputFolder = preprocessed,
            Cases = [new CaseSource(written.GoodCases[0], [image], Path.Combine(raw, "lms", $"phantom_{written.GoodCases[0]}.nii.gz"))],
            Settings = TinyPackageStudy.Preprocessing(plan),
        });
        manual_seed(5);
        var head = ClassificationRegressionHead.Regression(hiddenFeatures: 8);
        var description = PlanInterpretation.Network(plan, 2);
        using var network = ClassificationRegressionNetwork.Create(description, head);
        network.SetTargetScaling(new TargetScaling(40, 12));
        var checkpoint = Path.Combine(_folder.Path, "final.ckpt");
        var options = new TargetTrainerOptions { Epochs = 1, IterationsPerEpoch = 1, PatchSize = PlanInterpretation.Patch(plan) };
        CaseTaskCheckpoint.Write(checkpoint, network, network.Description, TaskKind.Regression, head, options);
        var package = Path.Combine(_folder.Path, "package");
        var manifest = ModelPackage.Write(package, new ModelPackageContents
        {
            Source = new ModelSource(null, "tiny", null, [], [0], null, null),
            Plan = plan,
            Preprocessing = TinyPackageStudy.Preprocessing(plan),
            Members = [new PackageMemberSource(0, checkpoint)],
        });
        Assert.Equal(TaskKind.Regression, manifest.Task);
        Assert.Empty(manifest.Classes);

        double expected;
        using (var stored = PreprocessedTrainingCase.Open(preprocessed, written.GoodCases[0], withLocations: false))
            expected = CaseTargetPredictor.Predict(network, [stored], PlanInterpretation.Patch(plan), CPU)[0].Value!.Value;
        using var predictor = TargetPackagePredictor.Open(package);
        var unseen = Directory.CreateDirectory(Path.Combine(_folder.Path, "unseen")).FullName;
        File.Copy(image, Path.Combine(unseen, "new1.nii.gz"));
        File.WriteAllText(Path.Combine(unseen, "broken.nii.gz"), "not an image");
        var report = predictor.PredictFolder(unseen, Path.Combine(_folder.Path, "out"));

        var predicted = Assert.Single(report.Cases, c => c.CaseId == "new1").Prediction!.Value!.Value;
        Assert.Equal(expected, predicted, 4);
        Assert.Contains("broken", Assert.Single(report.Failed).Error);
        Assert.Equal(["case,predicted_value", $"new1,{predicted.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"],
            File.ReadAllLines(report.CsvPath));

        var refused = Assert.Throws<ModelPackageException>(() => PackagePredictor.Open(package));
        Assert.Contains("Regression model", refused.Message);
    }

    [Fact]
    public void A_classification_package_needs_one_name_per_class()
    {
        var plan = TinyPackageStudy.Plan();
        var head = ClassificationRegressionHead.Classification(3, hiddenFeatures: 8);
        using var network = ClassificationRegressionNetwork.Create(PlanInterpretation.Network(plan, 2), head);
        var checkpoint = Path.Combine(_folder.Path, "final.ckpt");
        CaseTaskCheckpoint.Write(checkpoint, network, network.Description, TaskKind.Classification, head,
            new TargetTrainerOptions { Epochs = 1, IterationsPerEpoch = 1, PatchSize = PlanInterpretation.Patch(plan) });
        ModelPackageContents Contents(IReadOnlyList<string>? names) => new()
        {
            Source = new ModelSource(null, "tiny", null, [], [0], null, null),
            Plan = plan,
            Preprocessing = TinyPackageStudy.Preprocessing(plan),
            Members = [new PackageMemberSource(0, checkpoint)],
            TargetClassNames = names,
        };

        Assert.Contains("needs its class names", Assert.Throws<ArgumentException>(() => ModelPackage.Write(Path.Combine(_folder.Path, "a"), Contents(null))).Message);
        Assert.Contains("3 classes; 2 class names", Assert.Throws<ArgumentException>(() => ModelPackage.Write(Path.Combine(_folder.Path, "b"), Contents(["x", "y"]))).Message);
        var manifest = ModelPackage.Write(Path.Combine(_folder.Path, "c"), Contents(["small", "medium", "large"]));
        Assert.Equal(["small", "medium", "large"], ModelPackage.Read(Path.Combine(_folder.Path, "c")).Classes.OrderBy(c => c.Class).Select(c => c.Name));
        Assert.Equal(TaskKind.Classification, manifest.Task);
    }

    public void Dispose() => _folder.Dispose();
}
