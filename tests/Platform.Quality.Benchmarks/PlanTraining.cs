using Platform.Imaging.Volumes;
using Platform.Preprocessing.Planning;
using Platform.Training.Augmentation;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using Platform.Training.Trainer;

namespace Platform.Quality.Benchmarks;

/// <summary>
/// An auto-configured plan as the engine's settings, with the plan document's defaults (plain U-Net, deep
/// supervision, SGD Nesterov with poly decay, Dice + CE, nnU-Net's augmentation for the patch). The platform goes
/// AutoPlan → plan document (Platform.Grains Projects/PlanSuggestionMapping) → engine settings (Platform.Grains
/// Engine/PlanEngineSettings); the plan document lives with the grains' contracts, so this composes the same
/// choices from the plan's defaults without it.
/// </summary>
internal static class PlanTraining
{
    /// <summary>The plan's patch in (x, y, z).</summary>
    public static Shape3 Patch(AutoPlan plan) => new(plan.PatchSize[0], plan.PatchSize[1], plan.PatchSize.Count > 2 ? plan.PatchSize[2] : 1);

    public static NetworkDescription Network(AutoPlan plan, int classes) => new(NetworkArchitecture.PlainUNet, InputChannels: 1, classes,
        plan.Stages, DeepSupervision: true);

    public static TrainerOptions Trainer(CpuBudget budget) => new()
    {
        Epochs = budget.Epochs,
        IterationsPerEpoch = budget.IterationsPerEpoch,
        // The per-epoch validation loss is only a progress figure; the fold's real validation is in native space after training.
        ValidationBatches = 2,
        Optimization = new OptimizationOptions(),
        Checkpoints = new CheckpointPolicy(budget.Epochs, TimeSpan.FromHours(1)),
        Threads = budget.Threads,
    };

    public static AugmentationSettings Augmentation(AutoPlan plan) => AugmentationSettings.NnUNet(Patch(plan));
}
