using System.Globalization;
using Platform.Preprocessing.Fingerprint;
using Platform.Preprocessing.Planning;

namespace Platform.Quality.Benchmarks;

/// <summary>
/// What the benchmark may spend: CPU threads, seconds per training step, minutes of training per fold. nnU-Net plans
/// for a GPU (its default: 8 GB, 1000 epochs × 250 iterations); here the same planner runs again with a smaller
/// start volume and half the features, so the patch keeps the planner's shape rules but a step fits the budget.
/// </summary>
internal sealed record CpuBudget(int Threads, double StepSeconds, int Epochs, int IterationsPerEpoch)
{
    /// <summary>
    /// Measured: one training step of batch 2 × 32³, features 16–128, 2 threads, takes 0.305 s on the 2-core
    /// development VM (docs/architecture.md, training benchmark). Step time grows about linearly with the voxels.
    /// </summary>
    private const double ReferenceStepSeconds = 0.305;
    private const double ReferenceVoxels = 32 * 32 * 32;
    private const int ReferenceThreads = 2;

    /// <summary>nnU-Net's smallest 3D batch; on a CPU a larger batch only makes the step slower.</summary>
    public const int Batch = 2;

    /// <summary>16 × 30 steps of ~0.5 s: about 4 minutes of training per fold.</summary>
    public static CpuBudget Default(int threads) => new(threads, StepSeconds: 0.5, Epochs: 16, IterationsPerEpoch: 30);

    public static CpuBudget Quick(int threads) => new(threads, StepSeconds: 0.5, Epochs: 2, IterationsPerEpoch: 10);

    /// <summary>Patch voxels a step of <see cref="Batch"/> may have to take <see cref="StepSeconds"/> on <see cref="Threads"/> threads.</summary>
    public double PatchVoxels => ReferenceVoxels * (StepSeconds / ReferenceStepSeconds) * ((double)Threads / ReferenceThreads);

    public double TrainingMinutesPerFold => Epochs * IterationsPerEpoch * StepSeconds / 60;

    /// <summary>The project's planner with nnU-Net's defaults, then again within this budget; the notes say what changed and why.</summary>
    public (AutoPlan Auto, AutoPlan Scaled, IReadOnlyList<string> Why) Plan(ProjectFingerprint fingerprint)
    {
        var defaults = new PlanningOptions();
        var auto = AutoConfigurator.Configure(fingerprint, defaults);
        // The planner rounds the patch up to its pooling factor, so start from the budget's cube and go smaller until
        // the rounded patch fits (within 10%).
        PlanningOptions options = defaults;
        AutoPlan planned = auto;
        for (var edge = (int)Math.Round(Math.Cbrt(PatchVoxels)); edge >= 8; edge--)
        {
            options = defaults with { BaseFeatures = defaults.BaseFeatures / 2, MaxFeatures = 128, InitialPatchEdge = edge };
            planned = AutoConfigurator.Configure(fingerprint, options);
            if (planned.PatchSize.Aggregate(1.0, (v, s) => v * s) <= 1.1 * PatchVoxels)
                break;
        }
        var scaled = planned with { BatchSize = Batch };
        var why = new List<string>
        {
            F($"patch: the planner's start volume 256³ (nnU-Net's, for a GPU) → {options.InitialPatchEdge}³ voxels, the largest whose patch (shaped by the inverse spacing, clipped to the median image, rounded up to the pooling) has at most ~{PatchVoxels:0} voxels, so a step of batch {Batch} takes ~{StepSeconds:0.0#} s on {Threads} thread(s): {ReferenceStepSeconds} s was measured for 2 × 32³ on 2 threads"),
            F($"features halved: base {defaults.BaseFeatures} → {options.BaseFeatures}, cap 320 → {options.MaxFeatures} (a CPU step costs about 4× less per halving of the widths)"),
            F($"batch: the planner chose {planned.BatchSize} for a {defaults.GpuMemoryBudgetGb:0} GB GPU; {Batch} on a CPU, where a step's time grows with the batch"),
            F($"epochs × iterations: {Epochs} × {IterationsPerEpoch} = {TrainingMinutesPerFold:0.##} min per fold at {StepSeconds:0.0#} s per step (nnU-Net: 1000 × 250 on a GPU)"),
        };
        return (auto, scaled, why);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
