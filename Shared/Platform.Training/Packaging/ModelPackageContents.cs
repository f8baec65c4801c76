using Platform.Plans;
using Platform.Preprocessing.Cases;
using Platform.Training.Postprocessing;

namespace Platform.Training.Packaging;

/// <summary>
/// What a package is made from: where the model comes from, the plan, the frozen preprocessing its data had, the
/// postprocessing chosen for it and the checkpoints of its members. Inference settings and classes follow from the
/// plan and the checkpoints (<see cref="ModelPackage.Write"/>).
/// </summary>
public sealed record ModelPackageContents
{
    public required ModelSource Source { get; init; }

    public required PlanSettings Plan { get; init; }

    /// <summary>The settings the training data was preprocessed with (the plan read with the frozen dataset statistics).</summary>
    public required CasePreprocessingSettings Preprocessing { get; init; }

    public required IReadOnlyList<PackageMemberSource> Members { get; init; }

    public PostprocessingPlan Postprocessing { get; init; } = PostprocessingPlan.None;

    /// <summary>Label value → name, where the data says (e.g. a dataset.json); other labels stay unnamed.</summary>
    public IReadOnlyDictionary<int, string>? LabelNames { get; init; }

    /// <summary>A classification model's classes, in the order of its outputs (the target table's); required for one.</summary>
    public IReadOnlyList<string>? TargetClassNames { get; init; }
}

/// <summary>A member to package: its fold (null for a model trained on all cases) and its checkpoint file.</summary>
public sealed record PackageMemberSource(int? Fold, string CheckpointPath);
