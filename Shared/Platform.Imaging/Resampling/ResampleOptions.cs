namespace Platform.Imaging.Resampling;

/// <summary>Interpolation along one axis.</summary>
public enum Interpolation
{
    Nearest,
    Linear,

    /// <summary>
    /// Cubic B-spline (order 3) with its prefilter, so the curve passes through the samples; boundaries as
    /// scipy's <c>map_coordinates(order=3, mode='mirror')</c> (whole-sample symmetric: d c b | a b c d | c b a).
    /// Resampling to a target spacing only; may overshoot at edges like any interpolating cubic.
    /// </summary>
    Cubic,
}

/// <summary>How labels are resampled.</summary>
public enum LabelInterpolation
{
    /// <summary>Each output voxel takes the label of the nearest input voxel.</summary>
    Nearest,

    /// <summary>
    /// Each label's indicator is interpolated linearly and the output takes the label with the largest value
    /// (nnU-Net's resize_segmentation, with argmax instead of thresholding at 0.5 so no voxel is left
    /// unassigned; ties go to the lower label).
    /// </summary>
    OneHotLinear,
}

/// <summary>
/// Resampling choices. nnU-Net treats strongly anisotropic images (coarsest spacing more than
/// <see cref="AnisotropyThreshold"/> times the finest) specially: the in-plane axes are interpolated and
/// the out-of-plane axis (the coarsest) uses nearest neighbour, so thick slices are not blurred together.
/// </summary>
public sealed record ResampleOptions
{
    public static ResampleOptions Default { get; } = new();

    public Interpolation InPlane { get; init; } = Interpolation.Linear;

    /// <summary>Used on the coarsest axis when the image (or the target) is anisotropic.</summary>
    public Interpolation OutOfPlane { get; init; } = Interpolation.Nearest;

    /// <summary>nnU-Net's value is 3.</summary>
    public double AnisotropyThreshold { get; init; } = 3;

    /// <summary>Set false to interpolate all axes alike whatever the anisotropy.</summary>
    public bool SeparateOutOfPlane { get; init; } = true;
}
