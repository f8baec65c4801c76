using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Plans;
using Platform.Imaging.Volumes;
using Platform.Preprocessing.Planning;
using Platform.Training.Augmentation;
using Platform.Training.Losses;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using Platform.Training.Trainer;
using EngineArchitecture = Platform.Training.Networks.NetworkArchitecture;
using PlanArchitecture = Platform.Grains.Abstractions.Plans.NetworkArchitecture;
using PlanOptimizer = Platform.Grains.Abstractions.Plans.OptimizerKind;

namespace Platform.Grains.Engine;

/// <summary>
/// A plan's network, training and augmentation sections as the engine's settings. The plan stores axes as
/// (x, y, z), as the engine takes them; a 2D plan's lists are (x, y). The class count comes from the labels the
/// training will see: the preprocessed labels after <c>remapping_train</c>, which must be 0..K−1.
/// </summary>
public static class PlanEngineSettings
{
    public static NetworkDescription Network(PlanSettings plan, int classes)
    {
        var network = plan.Network;
        if (network.Stages.Count < 2)
            throw new PlatformValidationException("network.stages", "A U-Net needs at least two stages.");
        var stages = network.Stages.Select(s => new NetworkStage(s.Features, s.Kernel, s.Stride, network.ConvolutionsPerStage)).ToList();
        var description = new NetworkDescription(
            network.Architecture == PlanArchitecture.ResidualEncoderUNet ? EngineArchitecture.ResidualEncoderUNet : EngineArchitecture.PlainUNet,
            InputChannels: plan.Preprocessing.Normalization.Count,
            Classes: classes,
            stages,
            network.DeepSupervision);
        try
        {
            description.Validate();
        }
        catch (ArgumentException e)
        {
            throw new PlatformValidationException("network", e.Message);
        }

        return description;
    }

    public static TrainerOptions Trainer(PlanSettings plan, TimeSpan checkpointInterval, int? threads)
    {
        var t = plan.Training;
        var optimization = t.Optimizer == PlanOptimizer.AdamW
            ? OptimizationOptions.AdamW(t.LearningRate, t.WeightDecay, t.WarmupEpochs) with { GradientClipNorm = t.GradientClip }
            : new OptimizationOptions(Platform.Training.Optimization.OptimizerKind.SgdNesterovPoly, t.LearningRate, t.WeightDecay, t.Momentum, GradientClipNorm: t.GradientClip);
        var options = new TrainerOptions
        {
            Epochs = t.Epochs,
            IterationsPerEpoch = t.IterationsPerEpoch,
            ValidationBatches = Math.Max(1, t.ValidationIterations),
            Loss = new LossOptions(t.DiceWeight, t.CrossEntropyWeight),
            Optimization = optimization,
            Checkpoints = new CheckpointPolicy(Math.Max(1, t.CheckpointEveryEpochs), checkpointInterval),
            Threads = threads,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new PlatformValidationException("training", e.Message);
        }

        return options;
    }

    /// <summary>nnU-Net's augmentation for the patch (in-plane for thick-slice patches), with the plan's probabilities and ranges.</summary>
    public static AugmentationSettings Augmentation(PlanSettings plan)
    {
        var a = plan.Augmentation;
        var basis = AugmentationSettings.NnUNet(Patch(plan));
        var radians = AugmentationSettings.DegreesToRadians(a.RotationDegrees);
        return basis with
        {
            RotationProbability = a.Rotation,
            // Thick-slice patches rotate in-plane only; the basis already chose which axes turn.
            RotationRangeX = basis.RotationRangeX > 0 ? radians : 0,
            RotationRangeY = basis.RotationRangeY > 0 ? radians : 0,
            RotationRangeZ = basis.InPlaneOnly ? basis.RotationRangeZ : radians,
            ScaleProbability = a.Scaling,
            ScaleRange = new ValueRange(a.ScaleMin, a.ScaleMax),
            NoiseProbability = a.GaussianNoise,
            BlurProbability = a.GaussianBlur,
            BrightnessProbability = a.Brightness,
            ContrastProbability = a.Contrast,
            LowResolutionProbability = a.LowResolution,
            GammaProbability = a.Gamma,
            InvertedGammaProbability = a.GammaInverted,
            MirrorProbability = a.Mirror ? basis.MirrorProbability : 0,
        };
    }

    /// <summary>The plan's patch in (x, y, z); a 2D plan's patch is one voxel deep.</summary>
    public static Shape3 Patch(PlanSettings plan) => plan.Network.PatchSize.Count switch
    {
        3 => new Shape3(plan.Network.PatchSize[0], plan.Network.PatchSize[1], plan.Network.PatchSize[2]),
        2 => new Shape3(plan.Network.PatchSize[0], plan.Network.PatchSize[1], 1),
        _ => throw new PlatformValidationException("network.patchSize", "The patch size has two (2D) or three (3D) entries."),
    };

    /// <summary>
    /// Classes the network predicts: the largest label after <c>remapping_train</c>, plus background. Labels must be
    /// contiguous from 0 after that remapping (FRAN's remapping_train exists to make them so).
    /// </summary>
    public static int Classes(IEnumerable<int> storedLabels, LabelRemapping? trainRemapping)
    {
        var labels = storedLabels.Where(l => l > 0)
            .Select(l => trainRemapping is null ? l : trainRemapping.Map.TryGetValue(l, out var m) ? m : trainRemapping.UnmappedTo ?? l)
            .Where(l => l > 0).Distinct().Order().ToList();
        if (labels.Count == 0)
            throw new PlatformValidationException("labels", "The preprocessed cases hold no foreground label to train on.");
        var gaps = Enumerable.Range(1, labels[^1]).Except(labels).ToList();
        if (gaps.Count > 0)
            throw new PlatformValidationException("preprocessing.remappingTrain",
                $"Training labels must run 1..{labels[^1]} without gaps, but {string.Join(", ", gaps)} never occur: map the labels with remapping_train.");
        return labels[^1] + 1;
    }
}
