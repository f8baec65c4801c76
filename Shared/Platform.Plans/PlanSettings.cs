namespace Platform.Plans;

/// <summary>
/// A training plan: FRAN's plan columns and nnU-Net's configuration, grouped as the plan editor shows them.
/// Stored as JSON in plan versions: add members with defaults, never rename. <see cref="Default"/> holds
/// nnU-Net v2's defaults for a 3D full-resolution configuration.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanSettings")]
public sealed record PlanSettings(
    [property: Id(0)] PlanData Data,
    [property: Id(1)] PlanPreprocessing Preprocessing,
    [property: Id(2)] PlanNetwork Network,
    [property: Id(3)] PlanTraining Training,
    [property: Id(4)] PlanAugmentation Augmentation)
{
    /// <summary>
    /// How the plan's models predict: validation, the cross-validation ensemble, <c>platform predict</c> and the browser
    /// all read it, so their scores come from the same inference. Older stored versions have none: nnU-Net's defaults.
    /// </summary>
    [Id(5)]
    public PlanInference Inference { get; init; } = PlanInference.Default;

    /// <summary>
    /// A classification or regression plan's pooled head and how it trains; segmentation plans ignore it. Older stored
    /// versions have none: the defaults below.
    /// </summary>
    [Id(6)]
    public PlanTaskHead Head { get; init; } = PlanTaskHead.Default;

    public static PlanSettings Default { get; } = new(
        // nnU-Net trains on every case, empty label maps included (FRAN's nnz_allowed on).
        new PlanData([], NnzAllowed: true, UseForegroundIndices: true, ForegroundIndicesExclude: []),
        new PlanPreprocessing(PreprocessingMode.Source, Spacing: [1.0, 1.0, 1.0], Orientation: "RAS", ExpandByMm: 0,
            Normalization: [NormalizationScheme.ZScore], PatchOverlap: 0.25, SamplesPerFile: 1, SourcePlan: null,
            ImportedFolder: null, MergeImportedLabels: false, RemappingSource: null, RemappingLbd: null,
            RemappingImported: null, RemappingWhole: null, RemappingTrain: null),
        new PlanNetwork(NetworkArchitecture.PlainUNet, Dimensions: 3, PatchSize: [128, 128, 128], BatchSize: 2,
            BaseFeatures: 32, MaxFeatures: 320, ConvolutionsPerStage: 2,
            Stages: DefaultStages(), DeepSupervision: true),
        new PlanTraining(Epochs: 1000, IterationsPerEpoch: 250, ValidationIterations: 50, OptimizerKind.SgdNesterov,
            LearningRate: 0.01, WeightDecay: 3e-5, Momentum: 0.99, LearningRateSchedule.Poly, WarmupEpochs: 0,
            DiceWeight: 1, CrossEntropyWeight: 1, ForegroundOversampling: 0.33, GradientClip: 12,
            CheckpointEveryEpochs: 50, Seed: 12345),
        new PlanAugmentation(Rotation: 0.2, RotationDegrees: 30, Scaling: 0.2, ScaleMin: 0.7, ScaleMax: 1.4,
            GaussianNoise: 0.1, GaussianBlur: 0.2, Brightness: 0.15, Contrast: 0.15, LowResolution: 0.25,
            Gamma: 0.3, GammaInverted: 0.1, Mirror: true));

    private static IReadOnlyList<PlanStage> DefaultStages() =>
    [
        new(32, [3, 3, 3], [1, 1, 1]), new(64, [3, 3, 3], [2, 2, 2]), new(128, [3, 3, 3], [2, 2, 2]),
        new(256, [3, 3, 3], [2, 2, 2]), new(320, [3, 3, 3], [2, 2, 2]), new(320, [3, 3, 3], [2, 2, 2]),
    ];
}

/// <summary>Which cases the plan uses.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanData")]
public sealed record PlanData(
    [property: Id(0)] IReadOnlyList<string> Datasources,
    [property: Id(1)] bool NnzAllowed,
    [property: Id(2)] bool UseForegroundIndices,
    [property: Id(3)] IReadOnlyList<int> ForegroundIndicesExclude);

/// <summary>How cases become training data (FRAN modes, spacing, remapping levels, normalisation).</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanPreprocessing")]
public sealed record PlanPreprocessing(
    [property: Id(0)] PreprocessingMode Mode,
    [property: Id(1)] IReadOnlyList<double> Spacing,
    [property: Id(2)] string Orientation,
    [property: Id(3)] double ExpandByMm,
    [property: Id(4)] IReadOnlyList<NormalizationScheme> Normalization,
    [property: Id(5)] double PatchOverlap,
    [property: Id(6)] int SamplesPerFile,
    [property: Id(7)] string? SourcePlan,
    [property: Id(8)] string? ImportedFolder,
    [property: Id(9)] bool MergeImportedLabels,
    [property: Id(10)] LabelRemapping? RemappingSource,
    [property: Id(11)] LabelRemapping? RemappingLbd,
    [property: Id(12)] LabelRemapping? RemappingImported,
    [property: Id(13)] LabelRemapping? RemappingWhole,
    [property: Id(14)] LabelRemapping? RemappingTrain);

/// <summary>One encoder stage of the U-Net: output features, convolution kernel and the stride that enters it.</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanStage")]
public sealed record PlanStage(
    [property: Id(0)] int Features,
    [property: Id(1)] IReadOnlyList<int> Kernel,
    [property: Id(2)] IReadOnlyList<int> Stride);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanNetwork")]
public sealed record PlanNetwork(
    [property: Id(0)] NetworkArchitecture Architecture,
    [property: Id(1)] int Dimensions,
    [property: Id(2)] IReadOnlyList<int> PatchSize,
    [property: Id(3)] int BatchSize,
    [property: Id(4)] int BaseFeatures,
    [property: Id(5)] int MaxFeatures,
    [property: Id(6)] int ConvolutionsPerStage,
    [property: Id(7)] IReadOnlyList<PlanStage> Stages,
    [property: Id(8)] bool DeepSupervision);

[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanTraining")]
public sealed record PlanTraining(
    [property: Id(0)] int Epochs,
    [property: Id(1)] int IterationsPerEpoch,
    [property: Id(2)] int ValidationIterations,
    [property: Id(3)] OptimizerKind Optimizer,
    [property: Id(4)] double LearningRate,
    [property: Id(5)] double WeightDecay,
    [property: Id(6)] double Momentum,
    [property: Id(7)] LearningRateSchedule Schedule,
    [property: Id(8)] int WarmupEpochs,
    [property: Id(9)] double DiceWeight,
    [property: Id(10)] double CrossEntropyWeight,
    [property: Id(11)] double ForegroundOversampling,
    [property: Id(12)] double GradientClip,
    [property: Id(13)] int CheckpointEveryEpochs,
    [property: Id(14)] int Seed);

/// <summary>Augmentation probabilities and ranges (nnU-Net's set).</summary>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanAugmentation")]
public sealed record PlanAugmentation(
    [property: Id(0)] double Rotation,
    [property: Id(1)] double RotationDegrees,
    [property: Id(2)] double Scaling,
    [property: Id(3)] double ScaleMin,
    [property: Id(4)] double ScaleMax,
    [property: Id(5)] double GaussianNoise,
    [property: Id(6)] double GaussianBlur,
    [property: Id(7)] double Brightness,
    [property: Id(8)] double Contrast,
    [property: Id(9)] double LowResolution,
    [property: Id(10)] double Gamma,
    [property: Id(11)] double GammaInverted,
    [property: Id(12)] bool Mirror);

/// <summary>Sliding-window inference (nnU-Net's predictor: step 0.5 of the patch, Gaussian tile weights, mirroring).</summary>
/// <param name="Mirror">Test-time mirroring over the axes the training mirrored (8 passes in 3D).</param>
/// <param name="StepFraction">Distance between tile starts as a fraction of the patch (nnU-Net's tile_step_size).</param>
/// <param name="GaussianWeighting">Weight each tile by a Gaussian centred on it (σ = patch/8).</param>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanInference")]
public sealed record PlanInference(
    [property: Id(0)] bool Mirror,
    [property: Id(1)] double StepFraction,
    [property: Id(2)] bool GaussianWeighting)
{
    public static PlanInference Default { get; } = new(Mirror: true, StepFraction: 0.5, GaussianWeighting: true);
}

/// <summary>
/// Classification and regression: Asparagus' <c>unet_clsreg</c> head on the encoder (global average pooling, one hidden
/// layer with dropout, then a class or a value) and its optimiser, AdamW with a cosine after an optional warm-up, as
/// Asparagus trains these heads. The training section's optimiser is the segmentation's (nnU-Net's SGD); its epochs,
/// iterations and seed apply to both. The regression loss works on targets standardised by the training cases'.
/// </summary>
/// <param name="HiddenFeatures">Width of the head's hidden layer.</param>
/// <param name="Dropout">Dropout before the output layer (0 turns it off).</param>
/// <param name="RegressionLoss">MSE, or Huber (less pulled by outlying values).</param>
/// <param name="HuberDelta">Where Huber turns linear, in standard deviations of the training targets.</param>
/// <param name="LearningRate">AdamW's peak learning rate.</param>
/// <param name="WeightDecay">AdamW's decoupled weight decay.</param>
/// <param name="WarmupEpochs">Epochs of linear warm-up before the cosine.</param>
[GenerateSerializer, Immutable, Alias("Platform.Grains.Abstractions.Plans.PlanTaskHead")]
public sealed record PlanTaskHead(
    [property: Id(0)] int HiddenFeatures,
    [property: Id(1)] double Dropout,
    [property: Id(2)] RegressionLossFunction RegressionLoss,
    [property: Id(3)] double HuberDelta,
    [property: Id(4)] double LearningRate,
    [property: Id(5)] double WeightDecay,
    [property: Id(6)] int WarmupEpochs)
{
    public static PlanTaskHead Default { get; } = new(HiddenFeatures: 64, Dropout: 0.2, RegressionLossFunction.Mse, HuberDelta: 1.0,
        LearningRate: 1e-3, WeightDecay: 5e-2, WarmupEpochs: 0);
}
