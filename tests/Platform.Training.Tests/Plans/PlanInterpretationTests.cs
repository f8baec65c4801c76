using Platform.Imaging.Volumes;
using Platform.Plans;
using Platform.Training.Optimization;
using Platform.Training.Plans;

namespace Platform.Training.Tests.Plans;

public sealed class PlanInterpretationTests
{
    private static readonly PlanSettings Plan = PlanSettings.Default;

    [Fact]
    public void The_default_plan_becomes_nnunets_3d_network_and_training()
    {
        var network = PlanInterpretation.Network(Plan, classes: 3);
        var trainer = PlanInterpretation.Trainer(Plan, TimeSpan.FromMinutes(15), threads: 4);

        Assert.Equal((1, 3, 6, 3), (network.InputChannels, network.Classes, network.Stages.Count, network.Dimensions));
        Assert.Equal([32, 64, 128, 256, 320, 320], network.Stages.Select(s => s.Features));
        Assert.All(network.Stages, s => Assert.Equal(2, s.Convolutions));
        Assert.True(network.DeepSupervision);
        Assert.Equal((1000, 250, 50, 4), (trainer.Epochs, trainer.IterationsPerEpoch, trainer.ValidationBatches, trainer.Threads));
        Assert.Equal(new OptimizationOptions(), trainer.Optimization);
        Assert.Equal((50, TimeSpan.FromMinutes(15)), (trainer.Checkpoints.EveryEpochs, trainer.Checkpoints.Interval));
    }

    [Fact]
    public void Adamw_with_warm_up_takes_the_plans_rate_decay_clipping_and_schedule()
    {
        var plan = Plan with { Training = Plan.Training with { Optimizer = Platform.Plans.OptimizerKind.AdamW, LearningRate = 3e-4, WeightDecay = 0.05, WarmupEpochs = 5, GradientClip = 1 } };

        var optimization = PlanInterpretation.Trainer(plan, TimeSpan.FromMinutes(5), null).Optimization;

        // The schedule is the plan's (poly by default), not the optimiser's: AdamW with poly is a plan's choice.
        Assert.Equal((Platform.Training.Optimization.OptimizerKind.AdamW, LearningRateScheduleKind.Poly, 3e-4, 0.05, 5, 1.0),
            (optimization.Kind, optimization.Schedule, optimization.LearningRate, optimization.WeightDecay, optimization.WarmupEpochs, optimization.GradientClipNorm));
    }

    [Fact]
    public void Augmentation_takes_the_plans_probabilities_and_turns_thick_slice_patches_in_plane_only()
    {
        var plan = Plan with
        {
            Augmentation = Plan.Augmentation with { Rotation = 0.5, RotationDegrees = 15, ScaleMin = 0.8, ScaleMax = 1.2, Mirror = false, Gamma = 0 },
        };
        var isotropic = PlanInterpretation.Augmentation(plan);
        var thick = PlanInterpretation.Augmentation(plan with { Network = plan.Network with { PatchSize = [192, 160, 24] } });

        Assert.Equal((0.5, 0.8, 1.2, 0.0, 0.0), (isotropic.RotationProbability, isotropic.ScaleRange.Min, isotropic.ScaleRange.Max, isotropic.MirrorProbability, isotropic.GammaProbability));
        Assert.Equal(15 * Math.PI / 180, isotropic.RotationRangeX, 9);
        Assert.True(thick.InPlaneOnly);
        Assert.Equal((0.0, 0.0), (thick.RotationRangeX, thick.RotationRangeY));
        Assert.Equal(new Shape3(192, 160, 24), PlanInterpretation.Patch(plan with { Network = plan.Network with { PatchSize = [192, 160, 24] } }));
    }

    [Fact]
    public void Classes_count_the_training_labels_and_gaps_must_be_closed_by_remapping_train()
    {
        Assert.Equal(3, PlanInterpretation.Classes([0, 1, 2], null));
        // Kidney 1, tumour 2, cyst 3 → kidney and tumour only: cyst goes to kidney.
        Assert.Equal(3, PlanInterpretation.Classes([1, 2, 3], new LabelRemapping(new Dictionary<int, int> { [3] = 1 })));

        var gap = Assert.Throws<PlanFieldException>(() => PlanInterpretation.Classes([1, 3], null));
        Assert.Equal("preprocessing.remappingTrain", gap.Field);
        Assert.Contains("2", gap.Message, StringComparison.Ordinal);
        Assert.Throws<PlanFieldException>(() => PlanInterpretation.Classes([0], null));
    }

    [Fact]
    public void A_network_the_engine_cannot_build_is_refused_naming_the_section()
    {
        var plan = Plan with { Network = Plan.Network with { Stages = [new PlanStage(32, [3, 3, 3], [1, 1, 1])] } };

        Assert.Equal("network.stages", Assert.Throws<PlanFieldException>(() => PlanInterpretation.Network(plan, 2)).Field);
        var bad = Plan with { Training = Plan.Training with { LearningRate = -1 } };
        Assert.Equal("training", Assert.Throws<PlanFieldException>(() => PlanInterpretation.Trainer(bad, TimeSpan.FromMinutes(1), null)).Field);
    }
}
