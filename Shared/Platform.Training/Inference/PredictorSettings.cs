using Platform.Preprocessing.Cases;
using Platform.Training.Postprocessing;

namespace Platform.Training.Inference;

/// <summary>How new images are predicted: the plan's preprocessing, the sliding window, and what is done to the labels.</summary>
public sealed record PredictorSettings
{
    /// <summary>The plan's per-case settings, exactly as used for training (one normalisation entry per channel).</summary>
    public required CasePreprocessingSettings Preprocessing { get; init; }

    public required SlidingWindowSettings SlidingWindow { get; init; }

    /// <summary>The label value written for each class (null: class k is label k).</summary>
    public IReadOnlyList<byte>? ClassLabels { get; init; }

    /// <summary>Applied in native space after the argmax (e.g. the plan chosen by <see cref="PostprocessingSelector"/>).</summary>
    public PostprocessingPlan Postprocessing { get; init; } = PostprocessingPlan.None;

    /// <summary>Extension of the written label maps; NIfTI by default.</summary>
    public string OutputExtension { get; init; } = ".nii.gz";
}
