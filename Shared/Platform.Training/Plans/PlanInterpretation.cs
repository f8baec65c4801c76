using Platform.Imaging.Volumes;
using Platform.Plans;
using Platform.Preprocessing.Cases;
using Platform.Preprocessing.Fingerprint;
using Platform.Preprocessing.Planning;
using Platform.Training.Augmentation;
using Platform.Training.Inference;
using Platform.Training.Losses;
using Platform.Training.Networks;
using Platform.Training.Optimization;
using Platform.Training.Trainer;
using EngineArchitecture = Platform.Training.Networks.NetworkArchitecture;
using PlanArchitecture = Platform.Plans.NetworkArchitecture;
using PlanNormalization = Platform.Plans.NormalizationScheme;
using PlanOptimizer = Platform.Plans.OptimizerKind;

namespace Platform.Training.Plans;

/// <summary>
/// The one reading of a plan: what each field makes the engine do. Preprocessing (silos and the quality benchmark),
/// training (the fold executor), validation, the cross-validation ensemble and prediction (CLI, browser) all take
/// their settings from here, so a plan means the same thing everywhere. A newcomer asking "what does this plan field
/// do" reads this file. Plan axes are (x, y, z) in the target orientation, as the engine's; a 2D plan's lists are (x, y).
/// </summary>
/// <remarks>
/// CT normalisation needs the dataset's foreground intensity statistics. Callers pass the statistics frozen when the
/// job (or the model) was made, never the live catalog's, so a rescan cannot change what an existing plan version
/// trains, evaluates or predicts with.
/// </remarks>
public static class PlanInterpretation
{
    // ---- preprocessing ------------------------------------------------------------------------------------------

    /// <summary>The per-channel normalisation the plan asks for; CT channels take their numbers from <paramref name="channels"/>.</summary>
    /// <exception cref="PlanFieldException">No scheme, or a CT channel without statistics.</exception>
    public static IReadOnlyList<ChannelNormalization> Normalization(PlanSettings plan, IReadOnlyList<ChannelFingerprint> channels)
    {
        var schemes = plan.Preprocessing.Normalization;
        if (schemes.Count == 0)
            throw new PlanFieldException("preprocessing.normalization", "Give one normalisation scheme per image channel.");
        return schemes.Select((scheme, channel) => scheme switch
        {
            PlanNormalization.CT => CtOf(channels, channel),
            PlanNormalization.None => ChannelNormalization.None,
            _ => ChannelNormalization.ZScore,
        }).ToList();
    }

    /// <summary>The per-case pipeline's settings: orientation, spacing, FRAN mode and every remapping level.</summary>
    public static CasePreprocessingSettings Case(PlanSettings plan, IReadOnlyList<ChannelNormalization> normalization)
    {
        var p = plan.Preprocessing;
        if (p.Spacing.Count != 3 || p.Spacing.Any(s => !(s > 0) || !double.IsFinite(s)))
            throw new PlanFieldException("preprocessing.spacing", "The target spacing needs three positive millimetre values (x, y, z).");
        var mode = p.Mode switch
        {
            PreprocessingMode.Lbd => CaseMode.Lbd,
            PreprocessingMode.Whole => CaseMode.Whole,
            PreprocessingMode.Patch => throw new PlanFieldException("preprocessing.mode", "Patch mode cuts a source plan's output; it has no per-case settings (or model) of its own."),
            _ => CaseMode.Source,
        };
        return new CasePreprocessingSettings
        {
            TargetOrientation = p.Orientation,
            TargetSpacing = new Vector3D(p.Spacing[0], p.Spacing[1], p.Spacing[2]),
            Normalization = normalization,
            Mode = mode,
            ExpandByMm = p.ExpandByMm,
            PatchSize = Patch(plan),
            // Whole mode resizes to the patch: FRAN's remapping_whole is that mode's source-level remapping.
            Remapping = Remap(mode == CaseMode.Whole && p.RemappingWhole is not null ? p.RemappingWhole : p.RemappingSource),
            LbdRemapping = Remap(p.RemappingLbd),
            ImportedRemapping = Remap(p.RemappingImported),
            MergeImportedLabels = p.MergeImportedLabels,
        };
    }

    /// <summary>The plan's patch in (x, y, z); a 2D plan's patch is one voxel deep.</summary>
    public static Shape3 Patch(PlanSettings plan) => plan.Network.PatchSize switch
    {
        [var x, var y, var z] => new Shape3(x, y, z),
        [var x, var y] => new Shape3(x, y, 1),
        _ => throw new PlanFieldException("network.patchSize", "The patch size has two (2D) or three (3D) entries."),
    };

    // ---- network, training, augmentation ------------------------------------------------------------------------

    public static NetworkDescription Network(PlanSettings plan, int classes)
    {
        var network = plan.Network;
        if (network.Stages.Count < 2)
            throw new PlanFieldException("network.stages", "A U-Net needs at least two stages.");
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
            throw new PlanFieldException("network", e.Message);
        }

        return description;
    }

    public static TrainerOptions Trainer(PlanSettings plan, TimeSpan checkpointInterval, int? threads)
    {
        var t = plan.Training;
        var optimization = t.Optimizer == PlanOptimizer.AdamW
            ? OptimizationOptions.AdamW(t.LearningRate, t.WeightDecay, t.WarmupEpochs) with { GradientClipNorm = t.GradientClip }
            : new OptimizationOptions(Optimization.OptimizerKind.SgdNesterovPoly, t.LearningRate, t.WeightDecay, t.Momentum, GradientClipNorm: t.GradientClip);
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
            throw new PlanFieldException("training", e.Message);
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
            throw new PlanFieldException("labels", "The preprocessed cases hold no foreground label to train on.");
        var gaps = Enumerable.Range(1, labels[^1]).Except(labels).ToList();
        if (gaps.Count > 0)
            throw new PlanFieldException("preprocessing.remappingTrain",
                $"Training labels must run 1..{labels[^1]} without gaps, but {string.Join(", ", gaps)} never occur: map the labels with remapping_train.");
        return labels[^1] + 1;
    }

    // ---- inference ----------------------------------------------------------------------------------------------

    /// <summary>
    /// The sliding window for the plan's model: its patch, the plan's step and Gaussian, and mirroring over the axes the
    /// training mirrored (none when the plan's mirror augmentation is off: nnU-Net's inference_allowed_mirroring_axes).
    /// <paramref name="mirror"/> overrides the plan's <see cref="PlanInference.Mirror"/> (a user's choice at predict time).
    /// </summary>
    public static SlidingWindowSettings SlidingWindow(PlanSettings plan, bool? mirror = null)
    {
        var augmentation = Augmentation(plan);
        int[] trained = [.. new[] { augmentation.MirrorX, augmentation.MirrorY, augmentation.MirrorZ }.Select((on, axis) => on ? axis : -1).Where(axis => axis >= 0)];
        var mirrored = (mirror ?? plan.Inference.Mirror) && augmentation.MirrorProbability > 0;
        return new SlidingWindowSettings
        {
            PatchSize = Patch(plan),
            StepFraction = plan.Inference.StepFraction,
            GaussianWeighting = plan.Inference.GaussianWeighting,
            MirrorAxes = mirrored ? trained : [],
        };
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static LabelRemap? Remap(LabelRemapping? remapping) =>
        remapping is null ? null : new LabelRemap(remapping.Map, remapping.UnmappedTo);

    private static ChannelNormalization CtOf(IReadOnlyList<ChannelFingerprint> channels, int channel)
    {
        var stats = channels.FirstOrDefault(c => c.Channel == channel)
            ?? throw new PlanFieldException("preprocessing.normalization",
                $"Channel {channel} is normalised as CT, but the dataset's fingerprint has no foreground intensities for it: scan the datasources first.");
        return ChannelNormalization.Ct(stats.Percentile00_5, stats.Percentile99_5, stats.Mean, stats.Std);
    }
}
