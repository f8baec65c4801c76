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
using Platform.Training.Workflow;
using EngineArchitecture = Platform.Training.Networks.NetworkArchitecture;
using PlanArchitecture = Platform.Plans.NetworkArchitecture;
using PlanNormalization = Platform.Plans.NormalizationScheme;
using EngineOptimizer = Platform.Training.Optimization.OptimizerKind;
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

    /// <summary>
    /// The raw data the plan reads: its datasources (all of the project's when it names none, FRAN's default) and the
    /// folder of imported label maps (<c>imported_folder</c>, relative to the data root), if any. Whether those
    /// datasources still belong to the project is the preprocessing job's check, not the plan's.
    /// </summary>
    public static PlanSources Sources(PlanSettings plan, IReadOnlyList<string> projectDatasources) =>
        new(plan.Data.Datasources.Count > 0 ? plan.Data.Datasources : projectDatasources, plan.Preprocessing.ImportedFolder);

    /// <summary>Patch mode (FRAN's pbd): which plan's output is cut, into patches of the plan's size overlapping by <c>patch_overlap</c>.</summary>
    /// <exception cref="PlanFieldException">The plan is not in patch mode, or names no source plan.</exception>
    public static PatchCutting PatchCutting(PlanSettings plan)
    {
        var p = plan.Preprocessing;
        if (p.Mode != PreprocessingMode.Patch)
            throw new PlanFieldException("preprocessing.mode", "Only a patch-mode plan cuts patches from a source plan.");
        if (string.IsNullOrWhiteSpace(p.SourcePlan))
            throw new PlanFieldException("preprocessing.sourcePlan", "Patch mode cuts another plan's preprocessed cases: name that plan as the source plan.");
        return new PatchCutting(p.SourcePlan, Patch(plan), p.PatchOverlap);
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

    /// <summary>The plan's patch in (x, y, z); a 2D plan's patch (network.dimensions 2) is one voxel deep.</summary>
    public static Shape3 Patch(PlanSettings plan) => (plan.Network.Dimensions, plan.Network.PatchSize) switch
    {
        (3, [var x, var y, var z]) => new Shape3(x, y, z),
        (2, [var x, var y]) => new Shape3(x, y, 1),
        (2 or 3, _) => throw new PlanFieldException("network.patchSize", $"A {plan.Network.Dimensions}D plan's patch size has {plan.Network.Dimensions} entries."),
        _ => throw new PlanFieldException("network.dimensions", "A network is 2D or 3D."),
    };

    // ---- network, training, augmentation ------------------------------------------------------------------------

    /// <summary>
    /// The U-Net of the plan. Stage widths: the stage table gives their profile, <c>baseFeatures</c> the first stage's
    /// width (the others keep their ratio to it) and <c>maxFeatures</c> the cap — nnU-Net's min(base·2^i, max) for the
    /// tables its planner writes, and what makes a sweep over base features (FRAN's base channels) change the network.
    /// </summary>
    public static NetworkDescription Network(PlanSettings plan, int classes)
    {
        var network = plan.Network;
        if (network.Stages.Count < 2)
            throw new PlanFieldException("network.stages", "A U-Net needs at least two stages.");
        if (network.Stages.Any(s => s.Kernel.Count != network.Dimensions || s.Stride.Count != network.Dimensions))
            throw new PlanFieldException("network.dimensions", $"A {network.Dimensions}D network has {network.Dimensions} kernel sizes and strides per stage.");
        if (network.BaseFeatures < 1 || network.MaxFeatures < network.BaseFeatures || network.Stages[0].Features < 1)
            throw new PlanFieldException("network.maxFeatures", "Features: at least 1 at the top, and the cap no lower than that.");
        var scale = (double)network.BaseFeatures / network.Stages[0].Features;
        var stages = network.Stages.Select(s => new NetworkStage(
            Math.Min(network.MaxFeatures, Math.Max(1, (int)Math.Round(s.Features * scale))), s.Kernel, s.Stride, network.ConvolutionsPerStage)).ToList();
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
        // The schedule is the plan's, whichever the optimiser (SGD with a cosine, AdamW with poly): FRAN keeps optimizer
        // and scheduler as separate columns; the warm-up precedes either.
        var optimization = new OptimizationOptions(
            t.Optimizer == PlanOptimizer.AdamW ? EngineOptimizer.AdamW : EngineOptimizer.SgdNesterov,
            t.LearningRate, t.WeightDecay, t.Momentum, GradientClipNorm: t.GradientClip, WarmupEpochs: t.WarmupEpochs,
            Schedule: t.Schedule == LearningRateSchedule.WarmupCosine ? LearningRateScheduleKind.WarmupCosine : LearningRateScheduleKind.Poly);
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

    /// <summary>
    /// The seed a run trains with: the plan's <c>training.seed</c>, unless the run request names one, plus the fold
    /// number, so the folds of a cross-validation differ from each other and a fold trained alone equals the same fold
    /// trained by the cross-validation. With the seed fixed, the initial weights and every batch are fixed.
    /// </summary>
    public static long Seed(PlanSettings plan, int? requestedSeed, int? fold) => (long)(requestedSeed ?? plan.Training.Seed) + (fold ?? 0);

    /// <summary>
    /// A fold's training as the plan asks for it: network, trainer, patch, batch, augmentation, the sampling (foreground
    /// oversampling and FRAN's sampling columns), <c>remapping_train</c> and the validation's sliding window. The
    /// caller adds what the machine decides (loader threads, device).
    /// </summary>
    /// <param name="plan">The plan version.</param>
    /// <param name="cases">Where the fold's data and results lie, and its cases.</param>
    /// <param name="classes">Classes the network predicts (<see cref="Classes"/>).</param>
    /// <param name="seed">The run's seed (<see cref="Seed"/>).</param>
    /// <param name="checkpointInterval">A checkpoint at least this often besides the plan's every-N-epochs.</param>
    /// <param name="threads">libtorch threads; null for libtorch's default.</param>
    public static FoldTrainingRequest Fold(PlanSettings plan, FoldCases cases, int classes, long seed, TimeSpan checkpointInterval, int? threads)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var data = plan.Data;
        return new FoldTrainingRequest
        {
            PreprocessedFolder = cases.PreprocessedFolder,
            TrainingCases = cases.Training,
            ValidationCases = cases.Validation,
            OutputFolder = cases.OutputFolder,
            Network = Network(plan, classes),
            Trainer = Trainer(plan, checkpointInterval, threads),
            BatchSize = plan.Network.BatchSize,
            PatchSize = Patch(plan),
            Seed = seed,
            Augmentation = Augmentation(plan),
            ForegroundOversampling = plan.Training.ForegroundOversampling,
            // FRAN's use_fg_indices: false holds no stored locations and finds centres in the label map.
            StoredForegroundLocations = data.UseForegroundIndices,
            // FRAN's fg_indices_exclude: labels (as stored, before remapping_train) that never centre a foreground patch.
            ExcludedForegroundLabels = data.ForegroundIndicesExclude,
            // FRAN's samples_per_file: patches per drawn case; the batch size stays the network's.
            SamplesPerCase = plan.Preprocessing.SamplesPerFile,
            // FRAN's nnz_allowed: whether cases with an empty label map train. Only training: the validation scores
            // every case of the fold, so cross-validation results compare between plans.
            TrainOnEmptyCases = data.NnzAllowed,
            TrainRemapping = plan.Preprocessing.RemappingTrain?.Map,
            // The plan's inference, the same one its model package records: validation scores what prediction produces.
            SlidingWindow = SlidingWindow(plan),
            TargetHead = TargetHead(plan),
        };
    }

    /// <summary>The plan's <c>head</c> section: the pooled head of a classification or regression fold and its AdamW.</summary>
    public static TargetHeadSettings TargetHead(PlanSettings plan)
    {
        var h = plan.Head;
        return new TargetHeadSettings(h.HiddenFeatures, h.Dropout,
            h.RegressionLoss == RegressionLossFunction.Huber ? RegressionLossKind.Huber : RegressionLossKind.Mse, h.HuberDelta,
            OptimizationOptions.AdamW(h.LearningRate, h.WeightDecay, h.WarmupEpochs));
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
