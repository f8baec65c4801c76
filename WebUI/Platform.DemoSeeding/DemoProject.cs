using Platform.DemoData.Layouts;
using Platform.DemoData.Phantoms;
using Platform.Grains.Abstractions.Datasources;
using Platform.Plans;

namespace Platform.DemoSeeding;

/// <summary>
/// What the demo consists of: names of the lab, project, datasource, plan and split, where its files go in the
/// demo lab's data folder, and how many cases (good and deliberately broken) it has. <see cref="Default"/> is what a first start
/// seeds; tests choose their own lab and folder.
/// </summary>
public sealed record DemoProject
{
    public static DemoProject Default { get; } = new();

    public string LabId { get; init; } = "demo-lab";
    public string LabName { get; init; } = "Demo lab";
    public string Project { get; init; } = "liver_demo";
    public string Description { get; init; } =
        "Generated demo data: synthetic CT-like phantoms with a liver-like organ (label 1) and lesions (label 2). Two cases are broken on purpose to show what validation reports.";

    /// <summary>
    /// Relative to the demo lab's data folder (<c>{DataRoot}/{LabId}</c>), as datasources are registered. The folder
    /// name is what demos before per-lab storage registered relative to the data root, so their stored registration
    /// and case catalog stay valid: a restart writes the files into the lab's folder and a rescan finds them there.
    /// </summary>
    public string Folder { get; init; } = "demo/liver";
    public string Datasource { get; init; } = "liver";

    /// <summary>FRAN's dataset name: the file-name prefix before the case id.</summary>
    public string DatasetName { get; init; } = "liver";

    /// <summary>
    /// The phantoms are CT-like (Hounsfield units), and a FRAN folder does not say so: the datasource is registered as
    /// CT, as a scientist would, so auto-configure gives its one channel CT normalisation.
    /// </summary>
    public IReadOnlyList<string> Modalities { get; init; } = [ChannelModalities.CT];

    public int GoodCases { get; init; } = 10;

    /// <summary>
    /// The generated cases: the default phantoms with up to five lesions a case, each somewhat larger than the
    /// default (about 10 to 80 voxels at the CPU plan's 2 × 2 × 4 mm), so that a first run of a few CPU minutes on 8
    /// training cases learns the lesion as well as the organ. The default's smallest lesions (4 voxels) need more
    /// training than a first run gives.
    /// </summary>
    public PhantomOptions Phantoms { get; init; } = new() { MaxLesions = 5, LesionRadius = (0.25, 0.4) };

    /// <summary>Two invalid cases: a label on another grid than its image, and a truncated image file.</summary>
    public DemoDefects Defects { get; init; } = DemoDefects.LabelGridMismatch | DemoDefects.TruncatedImage;
    public int Seed { get; init; } = 2024;
    public string Plan { get; init; } = "3d_fullres";
    public string Split { get; init; } = "default";

    /// <summary>nnU-Net's five folds, or fewer when there are too few usable cases for two per validation fold.</summary>
    public static int FoldsFor(int usableCases) => Math.Clamp(usableCases / 2, 2, 5);

    /// <summary>
    /// Version 2 of the demo plan: version 1 (nnU-Net's rules, sized for a GPU) cut down so that a first run learns on
    /// a CPU in a few minutes and shows live curves and a real Dice for both labels. CT normalisation, coarser voxels
    /// (2 × 2 × 4 mm), 32 × 32 × 16 patches and a three-stage network of 16 to 64 feature maps trained 12 epochs of 25
    /// iterations: the configuration with which the engine's learning test reaches organ Dice above 0.9 and lesion
    /// Dice above 0.5 on these phantoms. Normalisation stays as auto-configured: CT, from the datasource's modality (with
    /// a per-case z-score instead the lesion stayed at Dice 0.000). A full-width network at the auto-configured patch takes minutes per epoch on
    /// two cores and predicts only background after 100 steps.
    /// </summary>
    public static PlanSettings ForCpu(PlanSettings suggested) => suggested with
    {
        Preprocessing = suggested.Preprocessing with { Spacing = [2.0, 2.0, 4.0] },
        Network = suggested.Network with
        {
            PatchSize = [32, 32, 16],
            BatchSize = 2,
            BaseFeatures = 16,
            MaxFeatures = 64,
            Stages =
            [
                new PlanStage(16, [3, 3, 3], [1, 1, 1]),
                new PlanStage(32, [3, 3, 3], [2, 2, 2]),
                new PlanStage(64, [3, 3, 3], [2, 2, 2]),
            ],
        },
        Training = suggested.Training with
        {
            Epochs = CpuEpochs, IterationsPerEpoch = CpuIterationsPerEpoch, ValidationIterations = 2, WarmupEpochs = 0,
            CheckpointEveryEpochs = 4,
        },
    };

    public const int CpuEpochs = 12, CpuIterationsPerEpoch = 25;

    public const string SuggestedPlanComment =
        "Auto-configured from the demo data's fingerprint by nnU-Net's rules: the plan a GPU would train (1000 epochs of 250 iterations).";

    public const string CpuPlanComment =
        "Cut down for a CPU so a first run learns in minutes: 2 x 2 x 4 mm voxels, 32 x 32 x 16 patches, three stages of 16 to 64 feature maps, 12 epochs of 25 iterations. Compare with version 1 to see what changed; train version 1 on a GPU for a real study.";
}
