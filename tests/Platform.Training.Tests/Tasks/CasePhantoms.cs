using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;
using Platform.Plans.Tasks;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Planning;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using Platform.Training.Tests.Data;
using Platform.Training.Tests.Workflow;
using Platform.Training.Trainer;

namespace Platform.Training.Tests.Tasks;

/// <summary>
/// Whole-case studies on the platform's CT phantoms (<see cref="CtPhantom"/>), generated directly at the patch size
/// (24 × 24 × 12 voxels of 4 × 4 × 8 mm, one orientation, no spacing jitter), so no resampling is needed and every
/// voxel is 128 mm³. Images are normalised as the segmentation study's plan does (<see cref="PhantomStudy.Settings"/>).
/// </summary>
internal static class CasePhantoms
{
    public static readonly Shape3 Patch = new(24, 24, 12);

    public const double VoxelMillilitres = 4 * 4 * 8 / 1000.0;

    /// <summary>Phantoms at the patch size with <paramref name="maxLesions"/> lesions at most.</summary>
    public static PhantomOptions Options(int maxLesions, (double Min, double Max)? lesionRadius = null, (double Min, double Max)? organScale = null, double noiseHu = 20) => new()
    {
        Shape = Patch,
        Spacing = new Vector3D(4, 4, 8),
        NoiseHu = noiseHu,
        OrganScale = organScale ?? (1, 1),
        SpacingJitter = 0,
        VaryOrientation = false,
        MaxLesions = maxLesions,
        LesionRadius = lesionRadius ?? new PhantomOptions().LesionRadius,
    };

    /// <summary>The phantom of <paramref name="seed"/> as a preprocessed in-memory case (image normalised, labels kept).</summary>
    public static (InMemoryTrainingCase Case, PhantomCase Phantom) Make(int seed, PhantomOptions options)
    {
        var phantom = CtPhantom.Generate(seed, options);
        var image = phantom.Image.ConvertTo<float>();
        ChannelNormalizer.Apply(image, PhantomStudy.Settings.Normalization[0], mask: null);
        return (new InMemoryTrainingCase($"phantom_{seed}", image.Geometry.Shape, image.Data, phantom.Label.Data), phantom);
    }

    /// <summary>Phantoms for seeds <paramref name="first"/> .. first + count − 1.</summary>
    public static List<(InMemoryTrainingCase Case, PhantomCase Phantom)> Range(int first, int count, PhantomOptions options) =>
        Enumerable.Range(first, count).Select(seed => Make(seed, options)).ToList();

    /// <summary>A three-stage plain encoder (8–32 features) for one channel; the classes only matter to a segmentation.</summary>
    public static NetworkDescription Network(int classes = 2, bool deepSupervision = false) => new(NetworkArchitecture.PlainUNet, InputChannels: 1, Classes: classes,
    [
        new NetworkStage(8, [3, 3, 3], [1, 1, 1], 2),
        new NetworkStage(16, [3, 3, 3], [2, 2, 2], 2),
        new NetworkStage(32, [3, 3, 3], [2, 2, 2], 2),
    ], deepSupervision);

    /// <summary>
    /// Classification and regression runs on these phantoms: 25 batches of 8 whole cases per epoch, AdamW at 3e-3 (the
    /// default 1e-3 needs about twice the iterations here), two threads.
    /// </summary>
    public static TargetTrainerOptions TrainerOptions(int epochs, int seed) => new()
    {
        Epochs = epochs,
        IterationsPerEpoch = 25,
        Optimization = OptimizationOptions.AdamW(learningRate: 3e-3, warmupEpochs: 0),
        BatchSize = 8,
        PatchSize = Patch,
        Seed = seed,
        Threads = 2,
    };

    /// <summary>A target table of classes, one row per case.</summary>
    public static CaseTargetTable Classes(IReadOnlyList<string> names, IEnumerable<(string CaseId, int Class)> rows) =>
        new(TaskKind.Classification, names, rows.Select(r => new CaseTarget(r.CaseId, r.Class, null)).ToList());

    /// <summary>A target table of values, one row per case.</summary>
    public static CaseTargetTable Values(IEnumerable<(string CaseId, double Value)> rows) =>
        new(TaskKind.Regression, [], rows.Select(r => new CaseTarget(r.CaseId, null, r.Value)).ToList());
}
