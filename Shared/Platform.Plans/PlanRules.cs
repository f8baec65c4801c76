using System.Text.RegularExpressions;

namespace Platform.Plans;

/// <summary>
/// Field-level validation of a plan, shared by the plan grain (which refuses invalid saves), the WebUI (which
/// shows each message at its field) and the command-line tool. Pure: no I/O, the same answer everywhere.
/// </summary>
public static partial class PlanRules
{
    public static IReadOnlyList<PlanFieldError> Check(PlanSettings plan)
    {
        var errors = new List<PlanFieldError>();
        void Error(string field, string message) => errors.Add(new PlanFieldError(field, message));

        CheckData(plan.Data, Error);
        CheckPreprocessing(plan.Preprocessing, Error);
        CheckNetwork(plan.Network, Error);
        CheckTraining(plan.Training, Error);
        CheckAugmentation(plan.Augmentation, Error);
        CheckInference(plan.Inference, Error);
        CheckHead(plan.Head, plan.Training, Error);
        return errors;
    }

    private static void CheckData(PlanData data, Action<string, string> error)
    {
        if (data.Datasources.Count == 0)
            error("data.datasources", "Choose at least one datasource.");
        foreach (var name in data.Datasources.Where(n => !DatasourceName().IsMatch(n)))
            error("data.datasources", $"'{name}' is not a datasource name (lower case, digits and _, starting with a letter).");
        if (data.Datasources.Distinct().Count() != data.Datasources.Count)
            error("data.datasources", "A datasource is listed twice.");
        if (data.ForegroundIndicesExclude.Any(l => l <= 0))
            error("data.foregroundIndicesExclude", "Only foreground labels (1 and above) can be excluded.");
    }

    private static void CheckPreprocessing(PlanPreprocessing p, Action<string, string> error)
    {
        if (p.Spacing.Count != 3 || p.Spacing.Any(s => !(s > 0 && s <= 20)))
            error("preprocessing.spacing", "Give three spacings in millimetres, each above 0 and at most 20.");
        if (!Orientation().IsMatch(p.Orientation) || p.Orientation.Select(AxisOf).Distinct().Count() != 3)
            error("preprocessing.orientation", "Give an orientation code with one letter per axis, such as RAS or LPS.");
        if (!(p.ExpandByMm >= 0 && p.ExpandByMm <= 500))
            error("preprocessing.expandByMm", "The margin must be between 0 and 500 mm.");
        if (p.ExpandByMm > 0 && p.Mode != PreprocessingMode.Lbd)
            error("preprocessing.expandByMm", "A margin applies only to the lbd mode.");
        if (p.Normalization.Count == 0)
            error("preprocessing.normalization", "Choose a normalisation for each image channel.");
        if (!(p.PatchOverlap >= 0 && p.PatchOverlap < 1))
            error("preprocessing.patchOverlap", "The patch overlap is a fraction from 0 to below 1.");
        if (p.SamplesPerFile < 1)
            error("preprocessing.samplesPerFile", "At least one sample per file.");
        if (p.Mode == PreprocessingMode.Patch && string.IsNullOrWhiteSpace(p.SourcePlan))
            error("preprocessing.sourcePlan", "The patch mode cuts patches from a source plan: name it.");
        if (p.SourcePlan is { } source && !PlanNames.IsValid(source))
            error("preprocessing.sourcePlan", $"'{source}' is not a plan name.");
        if (p.MergeImportedLabels && string.IsNullOrWhiteSpace(p.ImportedFolder))
            error("preprocessing.mergeImportedLabels", "Merging imported labels needs an imported label folder.");
        if (p.ImportedFolder is { } folder && (folder.StartsWith('/') || folder.Split('/', '\\').Contains("..")))
            error("preprocessing.importedFolder", "Give the imported label folder relative to your lab's data folder, without '..'.");
        CheckRemapping("preprocessing.remappingSource", p.RemappingSource, error);
        CheckRemapping("preprocessing.remappingLbd", p.RemappingLbd, error);
        CheckRemapping("preprocessing.remappingImported", p.RemappingImported, error);
        CheckRemapping("preprocessing.remappingWhole", p.RemappingWhole, error);
        CheckRemapping("preprocessing.remappingTrain", p.RemappingTrain, error);
    }

    private static void CheckRemapping(string field, LabelRemapping? remapping, Action<string, string> error)
    {
        if (remapping is null)
            return;
        if (remapping.Map.Any(pair => pair.Key is < 0 or > 255 || pair.Value is < 0 or > 255) || remapping.UnmappedTo is < 0 or > 255)
            error(field, "Labels are whole numbers from 0 to 255.");
    }

    private static void CheckNetwork(PlanNetwork n, Action<string, string> error)
    {
        if (n.Dimensions is not (2 or 3))
        {
            error("network.dimensions", "A network is 2D or 3D.");
            return;
        }

        if (n.PatchSize.Count != n.Dimensions || n.PatchSize.Any(s => s < 8))
            error("network.patchSize", $"Give {n.Dimensions} patch edges of at least 8 voxels.");
        if (n.BatchSize is < 1 or > 512)
            error("network.batchSize", "The batch size is between 1 and 512.");
        if (n.BaseFeatures < 1 || n.MaxFeatures < n.BaseFeatures)
            error("network.maxFeatures", "Features: at least 1 at the top, and the cap no lower than that.");
        if (n.ConvolutionsPerStage < 1)
            error("network.convolutionsPerStage", "At least one convolution per stage.");
        if (n.Stages.Count == 0)
        {
            error("network.stages", "The network needs at least one stage.");
            return;
        }

        for (var i = 0; i < n.Stages.Count; i++)
        {
            var stage = n.Stages[i];
            if (stage.Kernel.Count != n.Dimensions || stage.Kernel.Any(k => k < 1 || k % 2 == 0))
                error($"network.stages[{i}].kernel", $"Give {n.Dimensions} odd kernel sizes.");
            if (stage.Stride.Count != n.Dimensions || stage.Stride.Any(s => s < 1))
                error($"network.stages[{i}].stride", $"Give {n.Dimensions} strides of at least 1.");
            // Above the cap is allowed: the network caps the widths at maxFeatures (so the cap can be lowered, or swept).
            if (stage.Features < 1)
                error($"network.stages[{i}].features", "A stage has at least one feature map.");
        }

        if (n.Stages[0].Stride.Any(s => s != 1))
            error("network.stages[0].stride", "The first stage works at full resolution: its stride is 1.");
        if (n.PatchSize.Count == n.Dimensions && n.Stages.All(s => s.Stride.Count == n.Dimensions))
        {
            for (var axis = 0; axis < n.Dimensions; axis++)
            {
                var pooling = n.Stages.Aggregate(1, (product, s) => product * Math.Max(1, s.Stride[axis]));
                if (n.PatchSize[axis] % pooling != 0)
                    error("network.patchSize", $"Patch edge {axis} ({n.PatchSize[axis]}) must be divisible by the network's total stride on that axis ({pooling}).");
            }
        }
    }

    private static void CheckTraining(PlanTraining t, Action<string, string> error)
    {
        if (t.Epochs < 1)
            error("training.epochs", "At least one epoch.");
        if (t.IterationsPerEpoch < 1)
            error("training.iterationsPerEpoch", "At least one iteration per epoch.");
        if (t.ValidationIterations < 0)
            error("training.validationIterations", "Validation iterations cannot be negative.");
        if (!(t.LearningRate > 0 && t.LearningRate <= 1))
            error("training.learningRate", "The learning rate is above 0 and at most 1.");
        if (!(t.WeightDecay >= 0 && t.WeightDecay < 1))
            error("training.weightDecay", "Weight decay is from 0 to below 1.");
        if (!(t.Momentum >= 0 && t.Momentum < 1))
            error("training.momentum", "Momentum is from 0 to below 1.");
        if (t.WarmupEpochs < 0 || t.WarmupEpochs >= Math.Max(1, t.Epochs))
            error("training.warmupEpochs", "Warm-up is shorter than the training.");
        if (t.DiceWeight < 0 || t.CrossEntropyWeight < 0 || t.DiceWeight + t.CrossEntropyWeight == 0)
            error("training.diceWeight", "Loss weights are not negative and not both zero.");
        if (!(t.ForegroundOversampling >= 0 && t.ForegroundOversampling <= 1))
            error("training.foregroundOversampling", "Foreground oversampling is a fraction from 0 to 1.");
        if (!(t.GradientClip > 0))
            error("training.gradientClip", "The gradient clip norm is above 0.");
        if (t.CheckpointEveryEpochs < 1)
            error("training.checkpointEveryEpochs", "Checkpoint at least every epoch count of 1.");
    }

    private static void CheckAugmentation(PlanAugmentation a, Action<string, string> error)
    {
        (string Field, double Value)[] probabilities =
        [
            ("augmentation.rotation", a.Rotation), ("augmentation.scaling", a.Scaling), ("augmentation.gaussianNoise", a.GaussianNoise),
            ("augmentation.gaussianBlur", a.GaussianBlur), ("augmentation.brightness", a.Brightness), ("augmentation.contrast", a.Contrast),
            ("augmentation.lowResolution", a.LowResolution), ("augmentation.gamma", a.Gamma), ("augmentation.gammaInverted", a.GammaInverted),
        ];
        foreach (var (field, value) in probabilities.Where(p => !(p.Value >= 0 && p.Value <= 1)))
            error(field, "A probability is from 0 to 1.");
        if (!(a.RotationDegrees >= 0 && a.RotationDegrees <= 180))
            error("augmentation.rotationDegrees", "Rotation is from 0 to 180 degrees.");
        if (!(a.ScaleMin > 0 && a.ScaleMin <= a.ScaleMax))
            error("augmentation.scaleMin", "The smallest scale is above 0 and no larger than the largest.");
    }

    private static void CheckInference(PlanInference i, Action<string, string> error)
    {
        if (!(i.StepFraction > 0 && i.StepFraction <= 1))
            error("inference.stepFraction", "The sliding-window step is a fraction of the patch above 0 and at most 1.");
    }

    private static void CheckHead(PlanTaskHead h, PlanTraining training, Action<string, string> error)
    {
        if (h.HiddenFeatures is < 1 or > 4096)
            error("head.hiddenFeatures", "The head's hidden layer has from 1 to 4096 features.");
        if (!(h.Dropout >= 0 && h.Dropout < 1))
            error("head.dropout", "Dropout is a probability from 0 up to (not including) 1.");
        if (!Enum.IsDefined(h.RegressionLoss))
            error("head.regressionLoss", "The regression loss is MSE or Huber.");
        if (!(h.HuberDelta > 0 && double.IsFinite(h.HuberDelta)))
            error("head.huberDelta", "The Huber delta is a positive number of standard deviations.");
        if (!(h.LearningRate > 0 && h.LearningRate <= 1))
            error("head.learningRate", "The head's learning rate is above 0 and at most 1.");
        if (!(h.WeightDecay >= 0 && h.WeightDecay <= 1))
            error("head.weightDecay", "The weight decay is from 0 to 1.");
        if (h.WarmupEpochs < 0 || h.WarmupEpochs >= training.Epochs)
            error("head.warmupEpochs", $"The warm-up is from 0 epochs up to (not including) the run's {training.Epochs} epochs.");
    }

    private static char AxisOf(char letter) => letter switch { 'R' or 'L' => 'x', 'A' or 'P' => 'y', _ => 'z' };

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex DatasourceName();

    [GeneratedRegex("^[RLAPSI]{3}$")]
    private static partial Regex Orientation();
}
