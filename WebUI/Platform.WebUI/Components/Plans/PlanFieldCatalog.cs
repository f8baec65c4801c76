using System.Text;
using System.Text.RegularExpressions;

namespace Platform.WebUI.Components.Plans;

/// <summary>How the editor presents one plan field: its label and a helper text in nnU-Net/FRAN terms.</summary>
public sealed record PlanFieldInfo(string Label, string Help);

/// <summary>
/// Every plan field by its path, the path <see cref="Platform.Plans.PlanFieldError.Field"/> and the
/// version comparison use ("training.epochs", "network.stages[2].kernel"), so messages and diffs find their field.
/// </summary>
public static partial class PlanFieldCatalog
{
    /// <summary>The editor's sections, in order: path prefix and title.</summary>
    public static IReadOnlyList<(string Key, string Title)> Groups { get; } =
    [
        ("data", "Data"), ("preprocessing", "Preprocessing"), ("network", "Network"), ("training", "Training"), ("augmentation", "Augmentation"), ("inference", "Inference"),
        ("head", "Classification and regression head"),
    ];

    private const string RemappingSyntax = "Pairs from:to separated by commas (2:1 merges label 2 into 1); *:0 sends every label not listed to 0. Empty: no remapping.";

    private static readonly Dictionary<string, PlanFieldInfo> Fields = new(StringComparer.Ordinal)
    {
        ["data.datasources"] = new("Datasources", "Comma-separated names of this project's datasources whose cases the plan uses (FRAN combines several datasources in one project)."),
        ["data.nnzAllowed"] = new("Train on empty label maps", "On: cases whose label map is empty train too (nnU-Net). Off: they are left out of training; validation still scores them (FRAN's nnz_allowed)."),
        ["data.useForegroundIndices"] = new("Use stored foreground locations", "On: foreground-forced patches centre on the locations stored at preprocessing (nnU-Net). Off: they are found in the label map when drawn, so no locations are held in memory; slower per patch (FRAN's use_fg_indices)."),
        ["data.foregroundIndicesExclude"] = new("Labels never used as patch centres", "Comma-separated stored labels (1 and above) foreground-forced patches never centre on, e.g. a large organ so oversampling centres on the lesions; the labels still train (FRAN's fg_indices_exclude)."),

        ["preprocessing.mode"] = new("Mode", "FRAN's mode: Source resamples whole cases to the target spacing; Lbd crops to the labelled region plus a margin; Patch cuts fixed patches from a source plan's output; Whole resizes whole images."),
        ["preprocessing.spacing"] = new("Target spacing (mm)", "x, y, z voxel spacing cases are resampled to. nnU-Net takes the dataset's median spacing, coarser out of plane for anisotropic data."),
        ["preprocessing.orientation"] = new("Orientation", "Axis code every case is reoriented to before training, one letter per axis: RAS, LPS, ..."),
        ["preprocessing.expandByMm"] = new("Margin around labels (mm)", "Lbd mode only: how far the crop reaches beyond the labelled region (FRAN's expand_by)."),
        ["preprocessing.normalization"] = new("Normalisation per channel", "One scheme per image channel, comma-separated: ZScore (per-case mean and std, MRI), CT (clip to the dataset's foreground 0.5-99.5 percentiles, then its mean and std), None."),
        ["preprocessing.patchOverlap"] = new("Patch overlap", "Fraction by which neighbouring patches overlap when patches are cut, from 0 to below 1."),
        ["preprocessing.samplesPerFile"] = new("Samples per case", "Consecutive patches of a batch cut from the same drawn case: a batch of 4 with 2 reads 2 cases. The batch size stays the network's (FRAN's samples_per_file)."),
        ["preprocessing.sourcePlan"] = new("Source plan", "Patch mode: the plan whose preprocessed cases the patches are cut from."),
        ["preprocessing.importedFolder"] = new("Imported label folder", "Optional folder of labels made elsewhere (e.g. an organ model's predictions), relative to your lab's data folder (FRAN's imported_folder)."),
        ["preprocessing.mergeImportedLabels"] = new("Merge imported labels", "Add the imported labels to each case's own labels (FRAN's merge_imported_labels); needs an imported label folder."),
        ["preprocessing.remappingSource"] = new("Remapping: source labels", "Applied when a case's labels are read. " + RemappingSyntax),
        ["preprocessing.remappingLbd"] = new("Remapping: lbd crops", "Applied to the labels of lbd crops. " + RemappingSyntax),
        ["preprocessing.remappingImported"] = new("Remapping: imported labels", "Applied to imported labels (FRAN sends unlisted ones to 0: *:0). " + RemappingSyntax),
        ["preprocessing.remappingWhole"] = new("Remapping: whole images", "Applied in whole mode. " + RemappingSyntax),
        ["preprocessing.remappingTrain"] = new("Remapping: training targets", "Applied to targets at training time, after preprocessing. " + RemappingSyntax),

        ["network.architecture"] = new("Architecture", "PlainUNet: nnU-Net's default U-Net. ResidualEncoderUNet: nnU-Net ResEnc, residual blocks in the encoder."),
        ["network.dimensions"] = new("Dimensions", "2 trains on slices, 3 on volumes (nnU-Net's 2d and 3d_fullres)."),
        ["network.patchSize"] = new("Patch size (voxels)", "Edge lengths of a training patch, one per dimension, each divisible by the network's total stride on that axis. Small patches (32, 32, 32) train quickly on a CPU."),
        ["network.batchSize"] = new("Batch size", "Patches per training step (nnU-Net: 2 in 3D, more in 2D)."),
        ["network.baseFeatures"] = new("Features at full resolution", "Feature maps of the first stage (nnU-Net: 32); the other stages keep their ratio to the first stage's features, so halving this halves the network's width."),
        ["network.maxFeatures"] = new("Feature cap", "No stage of the network has more feature maps than this, whatever the stage table says (nnU-Net: 320 in 3D, 512 in 2D)."),
        ["network.convolutionsPerStage"] = new("Convolutions per stage", "Convolution, normalisation and activation blocks per stage (nnU-Net: 2)."),
        ["network.stages"] = new("Stages", "Encoder stages from full resolution down: feature maps, kernel sizes and the stride into the stage. The first stage's stride is 1."),
        ["network.stages[].features"] = new("Features", "Feature maps of this stage, scaled with the features at full resolution and capped by the feature cap."),
        ["network.stages[].kernel"] = new("Kernel", "Odd kernel sizes, one per dimension (3, 3, 3; 1, 3, 3 skips the coarse axis)."),
        ["network.stages[].stride"] = new("Stride", "Downsampling into this stage, one per dimension (2, 2, 2 halves every axis)."),
        ["network.deepSupervision"] = new("Deep supervision", "Losses at the lower decoder resolutions too, halved in weight per level (nnU-Net: on)."),

        ["training.epochs"] = new("Epochs", "Training length (nnU-Net: 1000). 1-5 epochs check a setup quickly, even on a CPU."),
        ["training.iterationsPerEpoch"] = new("Iterations per epoch", "Training steps per epoch (nnU-Net: 250). A handful is enough for a smoke test."),
        ["training.validationIterations"] = new("Validation iterations", "Validation batches after each epoch (nnU-Net: 50); 0 skips validation during training."),
        ["training.optimizer"] = new("Optimizer", "SgdNesterov: SGD with Nesterov momentum (nnU-Net's default). AdamW: Adam with decoupled weight decay."),
        ["training.learningRate"] = new("Initial learning rate", "Above 0, at most 1 (nnU-Net: 0.01 with SGD)."),
        ["training.weightDecay"] = new("Weight decay", "From 0 to below 1 (nnU-Net: 3e-5)."),
        ["training.momentum"] = new("Momentum", "SGD momentum, from 0 to below 1 (nnU-Net: 0.99)."),
        ["training.schedule"] = new("Learning-rate schedule", "With either optimizer. Poly: decay by (1 - epoch / epochs)^0.9 (nnU-Net). WarmupCosine: cosine decay to 0."),
        ["training.warmupEpochs"] = new("Warm-up epochs", "Epochs of linear warm-up before either schedule, shorter than the training (nnU-Net: 0)."),
        ["training.diceWeight"] = new("Dice loss weight", "Weight of the soft Dice loss; nnU-Net adds Dice and cross-entropy with weight 1 each."),
        ["training.crossEntropyWeight"] = new("Cross-entropy loss weight", "Weight of the cross-entropy loss; the two weights may not both be 0."),
        ["training.foregroundOversampling"] = new("Foreground oversampling", "Fraction of patches forced to contain foreground (nnU-Net: 0.33)."),
        ["training.gradientClip"] = new("Gradient clip norm", "Gradients are clipped to this norm (nnU-Net: 12)."),
        ["training.checkpointEveryEpochs"] = new("Checkpoint every (epochs)", "How often a run saves a checkpoint it can resume from (nnU-Net: 50)."),
        ["training.seed"] = new("Random seed", "The runs' seed unless a run names its own: network initialisation, patch sampling and augmentation follow from it, plus the fold number, so a run can be repeated exactly."),

        ["augmentation.rotation"] = new("Rotation probability", "Chance a patch is rotated (nnU-Net: 0.2)."),
        ["augmentation.rotationDegrees"] = new("Rotation range (± degrees)", "Largest rotation, from 0 to 180 (nnU-Net: 30)."),
        ["augmentation.scaling"] = new("Scaling probability", "Chance a patch is zoomed (nnU-Net: 0.2)."),
        ["augmentation.scaleMin"] = new("Smallest scale", "Lower end of the zoom factor (nnU-Net: 0.7), above 0 and no larger than the largest."),
        ["augmentation.scaleMax"] = new("Largest scale", "Upper end of the zoom factor (nnU-Net: 1.4)."),
        ["augmentation.gaussianNoise"] = new("Gaussian noise probability", "Chance of added Gaussian noise (nnU-Net: 0.1)."),
        ["augmentation.gaussianBlur"] = new("Gaussian blur probability", "Chance of Gaussian blurring (nnU-Net: 0.2)."),
        ["augmentation.brightness"] = new("Brightness probability", "Chance of a multiplicative brightness change (nnU-Net: 0.15)."),
        ["augmentation.contrast"] = new("Contrast probability", "Chance of a contrast change (nnU-Net: 0.15)."),
        ["augmentation.lowResolution"] = new("Low-resolution probability", "Chance of simulating a coarser scan by down- and upsampling (nnU-Net: 0.25)."),
        ["augmentation.gamma"] = new("Gamma probability", "Chance of a gamma transform (nnU-Net: 0.3)."),
        ["augmentation.gammaInverted"] = new("Inverted gamma probability", "Chance of a gamma transform of the inverted image (nnU-Net: 0.1)."),
        ["augmentation.mirror"] = new("Mirroring", "Random flips along every axis in training; test-time mirroring is only possible along the axes trained mirrored."),

        ["inference.mirror"] = new("Test-time mirroring", "Predict each tile mirrored along every axis the training mirrored and average (nnU-Net's default; 8x the inference in 3D). Validation, the cross-validation ensemble and predictions all use it."),
        ["inference.stepFraction"] = new("Sliding-window step", "Distance between tile starts as a fraction of the patch (nnU-Net's tile_step_size, 0.5): smaller steps overlap more and cost more."),
        ["inference.gaussianWeighting"] = new("Gaussian tile weighting", "Weight each tile's output by a Gaussian centred on it (σ = patch/8), because outputs are worst near tile borders (nnU-Net's default)."),

        ["head.hiddenFeatures"] = new("Hidden features", "Width of the head's hidden layer after global average pooling of the encoder (classification and regression projects only; Asparagus' unet_clsreg)."),
        ["head.dropout"] = new("Dropout", "Dropout before the head's output layer, 0 to turn it off (default 0.2)."),
        ["head.regressionLoss"] = new("Regression loss", "MSE, or Huber, which outlying values pull less; both on targets standardised by the training cases' mean and standard deviation."),
        ["head.huberDelta"] = new("Huber delta", "Where the Huber loss turns linear, in standard deviations of the training targets (default 1)."),
        ["head.learningRate"] = new("Head learning rate", "AdamW's peak learning rate for classification and regression (default 1e-3); the training section's optimiser is the segmentation's."),
        ["head.weightDecay"] = new("Head weight decay", "AdamW's decoupled weight decay (default 0.05)."),
        ["head.warmupEpochs"] = new("Head warm-up epochs", "Epochs of linear warm-up before the cosine schedule (default 0); epochs and iterations come from the training section."),
    };

    /// <summary>The field's label and help; stage fields are looked up without their index and named by it.</summary>
    public static PlanFieldInfo InfoOf(string path)
    {
        if (Fields.TryGetValue(path, out var info))
            return info;
        if (StagePath().Match(path) is { Success: true } stage && Fields.TryGetValue($"network.stages[].{stage.Groups[2].Value}", out var stageInfo))
            return stageInfo with { Label = $"Stage {stage.Groups[1].Value} {stageInfo.Label.ToLowerInvariant()}" };
        // Deeper paths (a remapping's single label) belong to the nearest field that has an entry.
        var parent = Fields.Keys.Where(k => path.StartsWith(k + ".", StringComparison.Ordinal)).MaxBy(k => k.Length);
        return parent is null ? new PlanFieldInfo(path, "") : Fields[parent] with { Label = $"{Fields[parent].Label} ({path[(parent.Length + 1)..]})" };
    }

    /// <summary>"Training › Epochs": the section and the label, for lists that mix fields of all sections.</summary>
    public static string DisplayName(string path)
    {
        var group = Groups.FirstOrDefault(g => path.StartsWith(g.Key + ".", StringComparison.Ordinal) || path == g.Key).Title;
        var label = InfoOf(path).Label;
        return group is null ? label : $"{group} › {label}";
    }

    /// <summary>The section a path belongs to ("training.epochs" → "training"); null for errors about the whole document ("json").</summary>
    public static string? GroupOf(string path) =>
        Groups.Select(g => g.Key).FirstOrDefault(key => path == key || path.StartsWith(key + ".", StringComparison.Ordinal));

    /// <summary>The data-testid of a field's input: "training.iterationsPerEpoch" → "field-training-iterations-per-epoch", "network.stages[2].kernel" → "field-network-stages-2-kernel".</summary>
    public static string TestIdOf(string path)
    {
        var id = new StringBuilder("field-");
        foreach (var c in path)
        {
            if (char.IsUpper(c))
                id.Append('-').Append(char.ToLowerInvariant(c));
            else if (c is '.' or '[')
                id.Append('-');
            else if (c != ']')
                id.Append(c);
        }

        return id.ToString();
    }

    [GeneratedRegex(@"^network\.stages\[(\d+)\]\.(\w+)$")]
    private static partial Regex StagePath();
}
