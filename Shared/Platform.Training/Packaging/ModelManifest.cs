using Platform.Plans;
using Platform.Plans.Tasks;
using Platform.Preprocessing.Cases;
using Platform.Training.Postprocessing;

namespace Platform.Training.Packaging;

/// <summary>
/// <c>model.json</c>: everything needed to predict with a trained model on a machine that has only the package
/// (no cluster, no work root, no fingerprint). Written once by <see cref="ModelPackage.Write"/>; read back and
/// verified by <see cref="ModelPackage.Read"/>. Add members with defaults and raise <see cref="CurrentFormatVersion"/>
/// only when an older reader would misread a package.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The one format this software writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    public required int FormatVersion { get; init; }

    /// <summary>The platform's informational version that wrote the package.</summary>
    public required string SoftwareVersion { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required ModelSource Source { get; init; }

    /// <summary>What the members predict: a label map (segmentation, the default of packages written before task kinds),
    /// a class per case (classification; <see cref="Classes"/> names them) or a value per case (regression; no classes).</summary>
    public TaskKind Task { get; init; } = TaskKind.Segmentation;

    /// <summary>The plan version's document, as the platform stores it (camelCase, enums by name).</summary>
    public required PlanSettings Plan { get; init; }

    /// <summary>
    /// The per-case settings the training data was preprocessed with, frozen: orientation, spacing, mode, lbd margin,
    /// patch, every remapping level and each channel's normalisation with its numbers (CT statistics included).
    /// </summary>
    public required CasePreprocessingSettings Preprocessing { get; init; }

    /// <summary>Network output class → label value written (and its name where known), class 0 first. For classification,
    /// the table's classes in order (label = class); empty for regression.</summary>
    public required IReadOnlyList<ModelClass> Classes { get; init; }

    /// <summary>Applied in native space after the argmax (chosen on the fold's, or the pooled, validation cases).</summary>
    public required PostprocessingPlan Postprocessing { get; init; }

    public required ModelInference Inference { get; init; }

    /// <summary>The ensemble's members (one per fold); predictions average their probabilities.</summary>
    public required IReadOnlyList<ModelMember> Members { get; init; }

    /// <summary>The label value written for each class, in class order (what <c>PredictorSettings.ClassLabels</c> takes).</summary>
    public IReadOnlyList<byte> ClassLabels() => [.. Classes.OrderBy(c => c.Class).Select(c => (byte)c.Label)];
}

/// <summary>Where the model comes from; fields the writer did not know are null or empty.</summary>
/// <param name="Project">The project (null outside the platform).</param>
/// <param name="PlanName">The plan's name.</param>
/// <param name="PlanVersion">The plan version trained (null outside the platform).</param>
/// <param name="RunIds">The training run of each member.</param>
/// <param name="Folds">The fold of each member.</param>
/// <param name="SplitName">The split the folds come from.</param>
/// <param name="DatasetKey">The preprocessed dataset the members trained on.</param>
public sealed record ModelSource(
    string? Project,
    string PlanName,
    int? PlanVersion,
    IReadOnlyList<string> RunIds,
    IReadOnlyList<int> Folds,
    string? SplitName,
    string? DatasetKey);

/// <summary>
/// One network output: <paramref name="Class"/> is written as <paramref name="Label"/>. Labels are the training labels
/// (after the plan's remapping_train), the values the validation was scored against.
/// </summary>
public sealed record ModelClass(int Class, int Label, string? Name);

/// <summary>One member: its fold, its checkpoint relative to the package folder ('/'-separated), and the checkpoint's SHA-256 (hex).</summary>
public sealed record ModelMember(int? Fold, string Checkpoint, string Sha256);
