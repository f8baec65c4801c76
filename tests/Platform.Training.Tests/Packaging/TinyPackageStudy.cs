using Platform.DemoData.Layouts;
using Platform.Plans;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Datasets;
using Platform.Training.Checkpoints;
using Platform.Training.Packaging;
using Platform.Training.Plans;
using Platform.Training.Postprocessing;
using Platform.Training.Tests.Support;
using Platform.Training.Tests.Workflow;
using Platform.Training.Workflow;

namespace Platform.Training.Tests.Packaging;

/// <summary>
/// A plan's whole path once per test class, on the learning test's phantoms but short: the plan read by its one
/// interpretation, four phantoms preprocessed, a fold trained for a few seconds (three cases train, one validates,
/// scored in native space), ready to be packaged.
/// </summary>
public sealed class TinyPackageStudy : IAsyncLifetime
{
    public const string PlanName = "tiny";

    private readonly TempFolder _folder = new();

    public string Root => _folder.Path;

    public string Raw => Path.Combine(Root, "raw");

    public string Preprocessed => Path.Combine(Root, "preprocessed");

    public string ValidationCase { get; private set; } = "";

    public FoldTrainingResult Result { get; private set; } = null!;

    public string Checkpoint => Path.Combine(Result.CheckpointFolder, CheckpointStore.LastFileName);

    /// <summary>What the phantoms were preprocessed with: the plan and the phantoms' CT statistics.</summary>
    public static CasePreprocessingSettings Preprocessing(PlanSettings plan) =>
        PlanInterpretation.Case(plan, PhantomStudy.Settings.Normalization);

    /// <summary>
    /// 2 × 2 × 4 mm, CT, 32 × 32 × 16 patches, three stages of 4 to 16 features, 2 epochs of 10 iterations; unmirrored
    /// inference unless asked (8 passes instead of 1: the plan setting that keeps the study short).
    /// </summary>
    public static PlanSettings Plan(bool mirror = false) => PlanSettings.Default with
    {
        Preprocessing = PlanSettings.Default.Preprocessing with { Spacing = [2, 2, 4], Normalization = [Platform.Plans.NormalizationScheme.CT] },
        Network = PlanSettings.Default.Network with
        {
            PatchSize = [32, 32, 16], BatchSize = 2, BaseFeatures = 4, MaxFeatures = 16,
            Stages = [new PlanStage(4, [3, 3, 3], [1, 1, 1]), new PlanStage(8, [3, 3, 3], [2, 2, 2]), new PlanStage(16, [3, 3, 3], [2, 2, 2])],
        },
        Training = PlanSettings.Default.Training with { Epochs = 2, IterationsPerEpoch = 10, ValidationIterations = 1, CheckpointEveryEpochs = 2 },
        Inference = PlanInference.Default with { Mirror = mirror },
    };

    public async Task InitializeAsync()
    {
        var plan = Plan();
        var written = DemoDataset.WriteFran(Raw, "phantom", cases: 4, seed: 21, PhantomStudy.Phantoms);
        var sources = written.GoodCases.Select(id => new CaseSource(id, [ImagePath(id)], LabelPath(id))).ToList();
        var prepared = await DatasetPreprocessor.RunAsync(new DatasetPreprocessingRequest { OutputFolder = Preprocessed, Cases = sources, Settings = Preprocessing(plan) });
        Assert.Empty(prepared.Failures);
        var classes = PlanInterpretation.Classes(DatasetSummaryBuilder.Read(Preprocessed).Labels.Select(l => l.Label), null);
        ValidationCase = written.GoodCases[^1];
        var request = PlanInterpretation.Fold(plan, new FoldCases(Preprocessed, written.GoodCases.SkipLast(1).ToList(), [ValidationCase], _folder.Sub("fold0")),
            classes, plan.Training.Seed, TimeSpan.FromMinutes(10), threads: 2) with { LoaderWorkers = 1 };
        Result = FoldTraining.Run(request);
    }

    public string ImagePath(string caseId) => Path.Combine(Raw, "images", $"phantom_{caseId}.nii.gz");

    public string LabelPath(string caseId) => Path.Combine(Raw, "lms", $"phantom_{caseId}.nii.gz");

    /// <summary>The fold's model as a package named <paramref name="name"/> under the study's folder.</summary>
    public string WritePackage(string name, PostprocessingPlan postprocessing, PlanSettings? plan = null)
    {
        var folder = Path.Combine(Root, "packages", name);
        plan ??= Plan();
        ModelPackage.Write(folder, new ModelPackageContents
        {
            Source = new ModelSource(null, PlanName, null, [], [0], null, null),
            Plan = plan,
            Preprocessing = Preprocessing(plan),
            Members = [new PackageMemberSource(0, Checkpoint)],
            Postprocessing = postprocessing,
        });
        return folder;
    }

    /// <summary>A folder holding only <paramref name="caseId"/>'s image, as an unseen image would come.</summary>
    public string UnseenFolder(string caseId)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, "unseen-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        File.Copy(ImagePath(caseId), Path.Combine(folder, caseId + ".nii.gz"));
        return folder;
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
