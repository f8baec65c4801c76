using Platform.DemoData.Layouts;
using Platform.Grains.Abstractions.Plans;

namespace Platform.DemoSeeding;

/// <summary>
/// What the demo consists of: names of the lab, project, datasource, plan and split, where its files go under the
/// data root, and how many cases (good and deliberately broken) it has. <see cref="Default"/> is what a first start
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

    /// <summary>Relative to the data root, as datasources are registered.</summary>
    public string Folder { get; init; } = "demo/liver";
    public string Datasource { get; init; } = "liver";

    /// <summary>FRAN's dataset name: the file-name prefix before the case id.</summary>
    public string DatasetName { get; init; } = "liver";

    public int GoodCases { get; init; } = 10;

    /// <summary>Two invalid cases: a label on another grid than its image, and a truncated image file.</summary>
    public DemoDefects Defects { get; init; } = DemoDefects.LabelGridMismatch | DemoDefects.TruncatedImage;
    public int Seed { get; init; } = 2024;
    public string Plan { get; init; } = "3d_fullres";
    public string Split { get; init; } = "default";

    /// <summary>nnU-Net's five folds, or fewer when there are too few usable cases for two per validation fold.</summary>
    public static int FoldsFor(int usableCases) => Math.Clamp(usableCases / 2, 2, 5);

    /// <summary>
    /// The auto-configured plan with a training short enough for a CPU (nnU-Net trains 1000 epochs of 250 iterations),
    /// so a first run finishes in minutes on a laptop and shows live curves and Dice. The topology and patch stay as
    /// nnU-Net's rules chose them, but with half the feature maps (16 at the top, capped at 128): a full-width
    /// network takes minutes per epoch on two CPU cores, a quarter of the compute a few seconds per step.
    /// </summary>
    public PlanSettings ShortenForCpu(PlanSettings suggested) => suggested with
    {
        Network = suggested.Network with
        {
            BatchSize = Math.Min(suggested.Network.BatchSize, 2),
            BaseFeatures = CpuBaseFeatures,
            MaxFeatures = CpuMaxFeatures,
            Stages = [.. suggested.Network.Stages.Select((stage, i) => stage with { Features = Math.Min(CpuBaseFeatures << i, CpuMaxFeatures) })],
        },
        Training = suggested.Training with
        {
            Epochs = CpuEpochs, IterationsPerEpoch = CpuIterationsPerEpoch, ValidationIterations = 2, WarmupEpochs = 0,
            CheckpointEveryEpochs = 5,
        },
    };

    public const int CpuEpochs = 10, CpuIterationsPerEpoch = 10, CpuBaseFeatures = 16, CpuMaxFeatures = 128;

    public const string PlanComment =
        "Auto-configured from the demo data's fingerprint (nnU-Net's rules). Training shortened to 10 epochs of 10 iterations, batch at most 2, half the feature maps (16 to 128), so it runs on a CPU in minutes; raise epochs and iterations for a real study.";
}
