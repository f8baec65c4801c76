using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Plans;
using Platform.Plans.Tasks;
using Platform.Training.Plans;
using Platform.Training.Workflow;

namespace Platform.Training.Tests.Plans;

/// <summary>
/// Every plan field changes what the engine does: each leaf of the plan document (PlanJson's camelCase paths; a list
/// is one value) has a check that changes the field and shows a different engine setting produced by the plan's one
/// interpretation. A field added to the plan without a check fails <see cref="Every_plan_field_has_an_effect_check"/>;
/// a field the engine ignores fails its check. What the sampling settings then do to the patches is shown by
/// <c>Data.PlanSamplingTests</c>, and what the seed does by <c>Workflow.SeedDeterminismTests</c>.
/// </summary>
public sealed class PlanFieldEffectTests
{
    private static readonly PlanSettings Basis = PlanSettings.Default;
    private static readonly IReadOnlyList<string> ProjectDatasources = ["kits", "lits"];

    /// <param name="Change">The field changed to a valid value other than the basis'.</param>
    /// <param name="Effect">The engine setting (or fold-request piece) the field should move.</param>
    private sealed record EffectCheck(Func<PlanSettings, PlanSettings> Change, Func<PlanSettings, object?> Effect);

    private static readonly Dictionary<string, EffectCheck> Checks = new(StringComparer.Ordinal)
    {
        ["data.datasources"] = new(p => p with { Data = p.Data with { Datasources = ["lits"] } }, p => PlanInterpretation.Sources(p, ProjectDatasources).Datasources),
        ["data.nnzAllowed"] = new(p => p with { Data = p.Data with { NnzAllowed = !p.Data.NnzAllowed } }, p => Fold(p).TrainOnEmptyCases),
        ["data.useForegroundIndices"] = new(p => p with { Data = p.Data with { UseForegroundIndices = !p.Data.UseForegroundIndices } }, p => Fold(p).StoredForegroundLocations),
        ["data.foregroundIndicesExclude"] = new(p => p with { Data = p.Data with { ForegroundIndicesExclude = [1] } }, p => Fold(p).ExcludedForegroundLabels),

        ["preprocessing.mode"] = new(p => p with { Preprocessing = p.Preprocessing with { Mode = PreprocessingMode.Lbd } }, p => Case(p).Mode),
        ["preprocessing.spacing"] = new(p => p with { Preprocessing = p.Preprocessing with { Spacing = [0.8, 0.8, 1.5] } }, p => Case(p).TargetSpacing),
        ["preprocessing.orientation"] = new(p => p with { Preprocessing = p.Preprocessing with { Orientation = "LPS" } }, p => Case(p).TargetOrientation),
        ["preprocessing.expandByMm"] = new(p => p with { Preprocessing = p.Preprocessing with { ExpandByMm = 20 } }, p => Case(p).ExpandByMm),
        ["preprocessing.normalization"] = new(p => p with { Preprocessing = p.Preprocessing with { Normalization = [NormalizationScheme.None] } }, p => PlanInterpretation.Normalization(p, [])),
        ["preprocessing.patchOverlap"] = new(p => p with { Preprocessing = p.Preprocessing with { PatchOverlap = 0.5 } }, p => PlanInterpretation.PatchCutting(AsPatchPlan(p)).Overlap),
        ["preprocessing.samplesPerFile"] = new(p => p with { Preprocessing = p.Preprocessing with { SamplesPerFile = 2 } }, p => Fold(p).SamplesPerCase),
        ["preprocessing.sourcePlan"] = new(p => p with { Preprocessing = p.Preprocessing with { SourcePlan = "other" } }, p => PlanInterpretation.PatchCutting(AsPatchPlan(p)).SourcePlan),
        ["preprocessing.importedFolder"] = new(p => p with { Preprocessing = p.Preprocessing with { ImportedFolder = "totalseg" } }, p => PlanInterpretation.Sources(p, ProjectDatasources).ImportedLabelFolder),
        ["preprocessing.mergeImportedLabels"] = new(p => p with { Preprocessing = p.Preprocessing with { MergeImportedLabels = true } }, p => Case(p).MergeImportedLabels),
        ["preprocessing.remappingSource"] = new(p => p with { Preprocessing = p.Preprocessing with { RemappingSource = Merge3Into1 } }, p => Case(p).Remapping?.Map),
        ["preprocessing.remappingLbd"] = new(p => p with { Preprocessing = p.Preprocessing with { RemappingLbd = Merge3Into1 } }, p => Case(p).LbdRemapping?.Map),
        ["preprocessing.remappingImported"] = new(p => p with { Preprocessing = p.Preprocessing with { RemappingImported = Merge3Into1 } }, p => Case(p).ImportedRemapping?.Map),
        ["preprocessing.remappingWhole"] = new(p => p with { Preprocessing = p.Preprocessing with { RemappingWhole = Merge3Into1 } },
            p => Case(p with { Preprocessing = p.Preprocessing with { Mode = PreprocessingMode.Whole } }).Remapping?.Map),
        ["preprocessing.remappingTrain"] = new(p => p with { Preprocessing = p.Preprocessing with { RemappingTrain = Merge3Into1 } }, p => Fold(p).TrainRemapping),

        ["network.architecture"] = new(p => p with { Network = p.Network with { Architecture = NetworkArchitecture.ResidualEncoderUNet } }, p => Fold(p).Network.Architecture),
        // The engine reads the patch (and every stage's kernel) as that many axes: a 3D patch in a 2D plan is refused.
        ["network.dimensions"] = new(p => p with { Network = p.Network with { Dimensions = 2 } }, p => Refusal(() => PlanInterpretation.Patch(p))),
        ["network.patchSize"] = new(p => p with { Network = p.Network with { PatchSize = [64, 64, 64] } }, p => (Fold(p).PatchSize, Fold(p).Augmentation!.InPlaneOnly, Fold(p).SlidingWindow.PatchSize)),
        ["network.batchSize"] = new(p => p with { Network = p.Network with { BatchSize = 4 } }, p => Fold(p).BatchSize),
        ["network.baseFeatures"] = new(p => p with { Network = p.Network with { BaseFeatures = 16 } }, Widths),
        ["network.maxFeatures"] = new(p => p with { Network = p.Network with { MaxFeatures = 256 } }, Widths),
        ["network.convolutionsPerStage"] = new(p => p with { Network = p.Network with { ConvolutionsPerStage = 3 } }, p => Fold(p).Network.Stages.Select(s => s.Convolutions)),
        ["network.stages"] = new(p => p with { Network = p.Network with { Stages = [.. p.Network.Stages.Take(5)] } }, p => Fold(p).Network.Stages.Count),
        ["network.deepSupervision"] = new(p => p with { Network = p.Network with { DeepSupervision = false } }, p => Fold(p).Network.DeepSupervision),

        ["training.epochs"] = new(p => p with { Training = p.Training with { Epochs = 10 } }, p => Fold(p).Trainer.Epochs),
        ["training.iterationsPerEpoch"] = new(p => p with { Training = p.Training with { IterationsPerEpoch = 5 } }, p => Fold(p).Trainer.IterationsPerEpoch),
        ["training.validationIterations"] = new(p => p with { Training = p.Training with { ValidationIterations = 3 } }, p => Fold(p).Trainer.ValidationBatches),
        ["training.optimizer"] = new(p => p with { Training = p.Training with { Optimizer = OptimizerKind.AdamW } }, p => Fold(p).Trainer.Optimization.Kind),
        ["training.learningRate"] = new(p => p with { Training = p.Training with { LearningRate = 3e-4 } }, p => Fold(p).Trainer.Optimization.LearningRate),
        ["training.weightDecay"] = new(p => p with { Training = p.Training with { WeightDecay = 0.05 } }, p => Fold(p).Trainer.Optimization.WeightDecay),
        ["training.momentum"] = new(p => p with { Training = p.Training with { Momentum = 0.9 } }, p => Fold(p).Trainer.Optimization.Momentum),
        ["training.schedule"] = new(p => p with { Training = p.Training with { Schedule = LearningRateSchedule.WarmupCosine } }, p => Fold(p).Trainer.Optimization.Schedule),
        ["training.warmupEpochs"] = new(p => p with { Training = p.Training with { WarmupEpochs = 5 } }, p => Fold(p).Trainer.Optimization.WarmupEpochs),
        ["training.diceWeight"] = new(p => p with { Training = p.Training with { DiceWeight = 0.5 } }, p => Fold(p).Trainer.Loss),
        ["training.crossEntropyWeight"] = new(p => p with { Training = p.Training with { CrossEntropyWeight = 2 } }, p => Fold(p).Trainer.Loss),
        ["training.foregroundOversampling"] = new(p => p with { Training = p.Training with { ForegroundOversampling = 0.5 } }, p => Fold(p).ForegroundOversampling),
        ["training.gradientClip"] = new(p => p with { Training = p.Training with { GradientClip = 1 } }, p => Fold(p).Trainer.Optimization.GradientClipNorm),
        ["training.checkpointEveryEpochs"] = new(p => p with { Training = p.Training with { CheckpointEveryEpochs = 5 } }, p => Fold(p).Trainer.Checkpoints.EveryEpochs),
        ["training.seed"] = new(p => p with { Training = p.Training with { Seed = 7 } }, p => Fold(p).Seed),

        ["augmentation.rotation"] = new(p => p with { Augmentation = p.Augmentation with { Rotation = 0.5 } }, p => Fold(p).Augmentation!.RotationProbability),
        ["augmentation.rotationDegrees"] = new(p => p with { Augmentation = p.Augmentation with { RotationDegrees = 15 } }, p => Fold(p).Augmentation!.RotationRangeZ),
        ["augmentation.scaling"] = new(p => p with { Augmentation = p.Augmentation with { Scaling = 0.5 } }, p => Fold(p).Augmentation!.ScaleProbability),
        ["augmentation.scaleMin"] = new(p => p with { Augmentation = p.Augmentation with { ScaleMin = 0.9 } }, p => Fold(p).Augmentation!.ScaleRange),
        ["augmentation.scaleMax"] = new(p => p with { Augmentation = p.Augmentation with { ScaleMax = 1.2 } }, p => Fold(p).Augmentation!.ScaleRange),
        ["augmentation.gaussianNoise"] = new(p => p with { Augmentation = p.Augmentation with { GaussianNoise = 0.5 } }, p => Fold(p).Augmentation!.NoiseProbability),
        ["augmentation.gaussianBlur"] = new(p => p with { Augmentation = p.Augmentation with { GaussianBlur = 0.5 } }, p => Fold(p).Augmentation!.BlurProbability),
        ["augmentation.brightness"] = new(p => p with { Augmentation = p.Augmentation with { Brightness = 0.5 } }, p => Fold(p).Augmentation!.BrightnessProbability),
        ["augmentation.contrast"] = new(p => p with { Augmentation = p.Augmentation with { Contrast = 0.5 } }, p => Fold(p).Augmentation!.ContrastProbability),
        ["augmentation.lowResolution"] = new(p => p with { Augmentation = p.Augmentation with { LowResolution = 0.5 } }, p => Fold(p).Augmentation!.LowResolutionProbability),
        ["augmentation.gamma"] = new(p => p with { Augmentation = p.Augmentation with { Gamma = 0.5 } }, p => Fold(p).Augmentation!.GammaProbability),
        ["augmentation.gammaInverted"] = new(p => p with { Augmentation = p.Augmentation with { GammaInverted = 0.5 } }, p => Fold(p).Augmentation!.InvertedGammaProbability),
        ["augmentation.mirror"] = new(p => p with { Augmentation = p.Augmentation with { Mirror = false } }, p => (Fold(p).Augmentation!.MirrorProbability, Fold(p).SlidingWindow.MirrorAxes)),

        // The fold's final validation predicts with the plan's sliding window, as every other prediction path does.
        ["inference.mirror"] = new(p => p with { Inference = p.Inference with { Mirror = false } }, p => (PlanInterpretation.SlidingWindow(p).MirrorAxes, Fold(p).SlidingWindow.MirrorAxes)),
        ["inference.stepFraction"] = new(p => p with { Inference = p.Inference with { StepFraction = 0.25 } }, p => (PlanInterpretation.SlidingWindow(p).StepFraction, Fold(p).SlidingWindow.StepFraction)),
        ["inference.gaussianWeighting"] = new(p => p with { Inference = p.Inference with { GaussianWeighting = false } }, p => (PlanInterpretation.SlidingWindow(p).GaussianWeighting, Fold(p).SlidingWindow.GaussianWeighting)),

        // A classification or regression fold builds its head and AdamW from the head section.
        ["head.hiddenFeatures"] = new(p => p with { Head = p.Head with { HiddenFeatures = 16 } }, p => Fold(p).TargetHead.HeadFor(TaskKind.Classification, 3)),
        ["head.dropout"] = new(p => p with { Head = p.Head with { Dropout = 0 } }, p => Fold(p).TargetHead.HeadFor(TaskKind.Regression, 0)),
        ["head.regressionLoss"] = new(p => p with { Head = p.Head with { RegressionLoss = RegressionLossFunction.Huber } }, p => Fold(p).TargetHead.RegressionLoss),
        ["head.huberDelta"] = new(p => p with { Head = p.Head with { HuberDelta = 2 } }, p => Fold(p).TargetHead.HuberDelta),
        ["head.learningRate"] = new(p => p with { Head = p.Head with { LearningRate = 3e-4 } }, p => Fold(p).TargetHead.Optimization.LearningRate),
        ["head.weightDecay"] = new(p => p with { Head = p.Head with { WeightDecay = 0.01 } }, p => Fold(p).TargetHead.Optimization.WeightDecay),
        ["head.warmupEpochs"] = new(p => p with { Head = p.Head with { WarmupEpochs = 5 } }, p => Fold(p).TargetHead.Optimization.WarmupEpochs),
    };

    private static readonly LabelRemapping Merge3Into1 = new(new Dictionary<int, int> { [3] = 1 });

    public static TheoryData<string> Fields() => new(Checks.Keys);

    [Fact]
    public void Every_plan_field_has_an_effect_check()
    {
        var leaves = LeafPaths(JsonSerializer.SerializeToNode(Basis, PlanJson.Options)!, "").ToList();

        Assert.Empty(leaves.Except(Checks.Keys));
        // And no check for a field that is gone (a removed field's check would test nothing).
        Assert.Empty(Checks.Keys.Except(leaves));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_the_field_changes_what_the_engine_does(string field)
    {
        var check = Checks[field];
        var changed = check.Change(Basis);

        // The check changes its own field and nothing else.
        var changes = PlanJson.Compare(Basis, changed);
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.StartsWith(field, c.Field, StringComparison.Ordinal));
        Assert.NotEqual(Canonical(check.Effect(Basis)), Canonical(check.Effect(changed)));
    }

    [Fact]
    public void The_seed_is_the_plans_unless_the_run_names_one_and_each_fold_adds_its_number()
    {
        var plan = Basis with { Training = Basis.Training with { Seed = 100 } };

        Assert.Equal(100, PlanInterpretation.Seed(plan, requestedSeed: null, fold: null));
        Assert.Equal(102, PlanInterpretation.Seed(plan, requestedSeed: null, fold: 2));
        Assert.Equal(9, PlanInterpretation.Seed(plan, requestedSeed: 7, fold: 2));
    }

    [Fact]
    public void Base_and_max_features_scale_and_cap_the_stage_table_as_nnunets_rule_does()
    {
        // The default table is nnU-Net's min(32·2^i, 320); base 16 halves it, and the cap then stops nothing below 320.
        Assert.Equal(new[] { 32, 64, 128, 256, 320, 320 }, Widths(Basis));
        Assert.Equal(new[] { 16, 32, 64, 128, 160, 160 }, Widths(Checks["network.baseFeatures"].Change(Basis)));
        Assert.Equal(new[] { 32, 64, 128, 256, 256, 256 }, Widths(Checks["network.maxFeatures"].Change(Basis)));
    }

    private static FoldTrainingRequest Fold(PlanSettings plan) =>
        PlanInterpretation.Fold(plan, new FoldCases("preprocessed", ["a", "b"], ["c"], "out"), classes: 3,
            PlanInterpretation.Seed(plan, requestedSeed: null, fold: 1), TimeSpan.FromMinutes(15), threads: 1);

    private static Platform.Preprocessing.Cases.CasePreprocessingSettings Case(PlanSettings plan) =>
        PlanInterpretation.Case(plan, PlanInterpretation.Normalization(plan, []));

    private static List<int> Widths(PlanSettings plan) => [.. Fold(plan).Network.Stages.Select(s => s.Features)];

    private static PlanSettings AsPatchPlan(PlanSettings plan) =>
        plan with { Preprocessing = plan.Preprocessing with { Mode = PreprocessingMode.Patch, SourcePlan = plan.Preprocessing.SourcePlan ?? "source" } };

    private static string Refusal(Func<object> read)
    {
        try
        {
            return Canonical(read());
        }
        catch (PlanFieldException e)
        {
            return $"refused at {e.Field}";
        }
    }

    /// <summary>A text that differs when the values do: sequences item by item, everything else by its invariant text.</summary>
    private static string Canonical(object? value) => value switch
    {
        null => "null",
        string text => text,
        ITuple tuple => "(" + string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Canonical(tuple[i]))) + ")",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Canonical)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static IEnumerable<string> LeafPaths(JsonNode node, string path) => node is JsonObject o
        ? o.SelectMany(p => p.Value is null ? [Join(path, p.Key)] : LeafPaths(p.Value, Join(path, p.Key)))
        : [path];

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
