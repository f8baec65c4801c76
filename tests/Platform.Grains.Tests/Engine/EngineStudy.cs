using Platform.DemoData.Layouts;
using Platform.DemoData.Phantoms;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Grains.Tests.Hosting;
using Platform.Imaging.Volumes;
using Platform.Plans;
using Xunit;

namespace Platform.Grains.Tests.Engine;

/// <summary>
/// What the tests that train with the real engine share: a CPU-training silo's settings, a tiny but real plan
/// (6 mm voxels, 16³ patches, a two-stage U-Net) and a lab whose project holds scanned phantoms and that plan.
/// </summary>
public static class EngineStudy
{
    public const string Plan = "tiny";

    /// <summary>A CPU-training silo running the engine with 2 threads and one loader worker (mirroring is each plan's: off in these).</summary>
    public static Dictionary<string, string?> SiloSettings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Training:CpuTraining"] = "true",
            ["Platform:Engine:Threads"] = "2",
            ["Platform:Engine:LoaderWorkers"] = "1",
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    public static PlanSettings TinyPlan(int epochs = 2, int iterations = 3) => PlanSettings.Default with
    {
        Data = PlanSettings.Default.Data with { Datasources = [ScannedProjects.Datasource] },
        Preprocessing = PlanSettings.Default.Preprocessing with { Spacing = [6, 6, 6], Normalization = [NormalizationScheme.ZScore] },
        Network = PlanSettings.Default.Network with
        {
            PatchSize = [16, 16, 16], BatchSize = 2, BaseFeatures = 8, MaxFeatures = 16,
            Stages = [new PlanStage(8, [3, 3, 3], [1, 1, 1]), new PlanStage(16, [3, 3, 3], [2, 2, 2])],
        },
        Training = PlanSettings.Default.Training with { Epochs = epochs, IterationsPerEpoch = iterations, ValidationIterations = 1, CheckpointEveryEpochs = 1 },
        // Unmirrored inference: one pass per tile instead of eight, for a short test.
        Inference = PlanInference.Default with { Mirror = false },
    };

    /// <summary>
    /// The engine learning test's phantoms (64×64×24 at 1.5×1.5×4 mm): fine enough that a lesion covers 4 to 40
    /// voxels, where the tiny phantoms' lesions are one or two voxels and nothing can learn them.
    /// </summary>
    public static PhantomOptions LearnablePhantoms { get; } = new() { Shape = new Shape3(64, 64, 24), Spacing = new Vector3D(1.5, 1.5, 4) };

    /// <summary>
    /// The engine learning test's configuration as a plan, for tests that assert what the model learned (organ and
    /// lesion): CT normalisation from the fingerprint, 2×2×4 mm voxels, 32×32×16 patches, three stages of 16 to 64
    /// features with deep supervision. Use it with <see cref="LearnablePhantoms"/>.
    /// </summary>
    public static PlanSettings LearningPlan(int epochs, int iterations) => PlanSettings.Default with
    {
        Data = PlanSettings.Default.Data with { Datasources = [ScannedProjects.Datasource] },
        Preprocessing = PlanSettings.Default.Preprocessing with { Spacing = [2, 2, 4], Normalization = [NormalizationScheme.CT] },
        Network = PlanSettings.Default.Network with
        {
            PatchSize = [32, 32, 16], BatchSize = 2, BaseFeatures = 16, MaxFeatures = 64,
            Stages = [new PlanStage(16, [3, 3, 3], [1, 1, 1]), new PlanStage(32, [3, 3, 3], [2, 2, 2]), new PlanStage(64, [3, 3, 3], [2, 2, 2])],
        },
        Training = PlanSettings.Default.Training with { Epochs = epochs, IterationsPerEpoch = iterations, ValidationIterations = 2, CheckpointEveryEpochs = 4 },
        Inference = PlanInference.Default with { Mirror = false },
    };

    /// <summary>
    /// Writes <paramref name="cases"/> phantoms (32×32×12 at 3×3×8 mm unless <paramref name="phantoms"/> or
    /// <paramref name="shape"/> says otherwise) into the lab's data folder, registers and scans them in the lab's project, and
    /// saves <paramref name="plan"/> as version 1 of <see cref="Plan"/>. The caller acts as the administrator.
    /// Returns the datasource folder (absolute), for tests that change the data afterwards.
    /// </summary>
    public static async Task<string> PrepareAsync(IGrainFactory grains, string dataRoot, string lab, int cases, int seed, PlanSettings plan, Shape3? shape = null, PhantomOptions? phantoms = null)
    {
        var folder = $"phantoms-{Guid.NewGuid():N}"[..16];
        DemoDataset.WriteFran(Path.Combine(dataRoot, lab, folder), "phantom", cases, seed,
            phantoms ?? new PhantomOptions { Shape = shape ?? new Shape3(32, 32, 12), Spacing = new Vector3D(3, 3, 8) });
        await ScannedProjects.RegisterAndScanAsync(grains, lab, folder);
        var saved = await grains.GetGrain<IPlanGrain>(GrainKeys.Plan(lab, ScannedProjects.Project, Plan)).ReviseAsync(plan, 0, null);
        Assert.True(saved.Outcome == PlanRevisionOutcome.Saved, string.Join("; ", saved.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return Path.Combine(dataRoot, lab, folder);
    }
}
