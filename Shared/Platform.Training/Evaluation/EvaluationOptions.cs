using Platform.Imaging.Metrics;

namespace Platform.Training.Evaluation;

/// <summary>
/// Which figures <see cref="SegmentationEvaluator"/> computes beyond overlap. Surface and lesion figures are on by
/// default; turning them off saves a distance transform and two component labellings per label and case.
/// </summary>
public sealed record EvaluationOptions
{
    /// <summary>
    /// The surface Dice tolerance when nothing else is said: 1 mm. Neither nnU-Net (which reports no surface Dice)
    /// nor MONAI and DeepMind's surface-distance (which require the caller to pass one) has a default; Nikolov et
    /// al. derive a tolerance per structure from inter-rater variation. 1 mm is about one voxel of a typical 1 mm
    /// MRI or thin-slice CT grid, so it reads as "boundary right to within a voxel"; set a structure's own
    /// tolerance where one is known.
    /// </summary>
    public const double DefaultSurfaceToleranceMm = 1.0;

    public static EvaluationOptions Default { get; } = new();

    /// <summary>HD95 and surface Dice. Default true.</summary>
    public bool Surface { get; init; } = true;

    /// <summary>Tolerance of the surface Dice in mm. Default <see cref="DefaultSurfaceToleranceMm"/>.</summary>
    public double SurfaceToleranceMm { get; init; } = DefaultSurfaceToleranceMm;

    /// <summary>Lesion-wise figures. Default true.</summary>
    public bool Lesions { get; init; } = true;

    /// <summary>How lesions are matched. Default: any overlap, no dilation, no minimum size.</summary>
    public LesionMatchingOptions LesionMatching { get; init; } = LesionMatchingOptions.Default;
}
