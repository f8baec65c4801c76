using Platform.Training.Data;

namespace Platform.Training.Augmentation;

/// <summary>
/// The linear part of a sample's spatial augmentation: a 3×3 matrix taking an output voxel's offset from the final
/// patch centre (x, y, z) to its offset from the sampled patch centre. Rotation then zoom, as batchgenerators does
/// (a scale above 1 reads a larger region, so the anatomy looks smaller).
/// </summary>
public readonly record struct SpatialTransform(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    public static SpatialTransform Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public bool IsIdentity => this == Identity;

    /// <summary>
    /// Rotation by <paramref name="angleX"/>, <paramref name="angleY"/>, <paramref name="angleZ"/> (radians, about
    /// x then y then z) followed by zoom <paramref name="scale"/> on x and y, and on z unless <paramref name="inPlaneOnly"/>.
    /// </summary>
    public static SpatialTransform Create(double angleX, double angleY, double angleZ, double scale, bool inPlaneOnly)
    {
        if (!(scale > 0) || !double.IsFinite(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The zoom factor must be positive and finite.");
        var rotation = RotationZ(angleZ).Times(RotationY(angleY)).Times(RotationX(angleX));
        var scaleZ = inPlaneOnly ? 1 : scale;
        var zoom = new SpatialTransform(scale, 0, 0, 0, scale, 0, 0, 0, scaleZ);
        return zoom.Times(rotation);
    }

    /// <summary>
    /// Draws the spatial augmentation of one sample as nnU-Net does: rotation with its probability (then all three
    /// angles uniform in ± their ranges), zoom with its probability (split at 1, see <see cref="ValueRange.SampleSplitAtOne"/>).
    /// The draws happen whatever the outcome, so later draws of the batch do not depend on these.
    /// </summary>
    public static SpatialTransform Draw(AugmentationSettings settings, BatchRandom random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var rotate = random.Chance(settings.RotationProbability);
        var ax = random.Uniform(-settings.RotationRangeX, settings.RotationRangeX);
        var ay = random.Uniform(-settings.RotationRangeY, settings.RotationRangeY);
        var az = random.Uniform(-settings.RotationRangeZ, settings.RotationRangeZ);
        var zoom = random.Chance(settings.ScaleProbability);
        var scale = settings.ScaleRange.SampleSplitAtOne(random);
        if (!rotate && !zoom)
            return Identity;
        return Create(rotate ? ax : 0, rotate ? ay : 0, rotate ? az : 0, zoom ? scale : 1, settings.InPlaneOnly);
    }

    public SpatialTransform Times(SpatialTransform o) => new(
        (M00 * o.M00) + (M01 * o.M10) + (M02 * o.M20), (M00 * o.M01) + (M01 * o.M11) + (M02 * o.M21), (M00 * o.M02) + (M01 * o.M12) + (M02 * o.M22),
        (M10 * o.M00) + (M11 * o.M10) + (M12 * o.M20), (M10 * o.M01) + (M11 * o.M11) + (M12 * o.M21), (M10 * o.M02) + (M11 * o.M12) + (M12 * o.M22),
        (M20 * o.M00) + (M21 * o.M10) + (M22 * o.M20), (M20 * o.M01) + (M21 * o.M11) + (M22 * o.M21), (M20 * o.M02) + (M21 * o.M12) + (M22 * o.M22));

    /// <summary>The matrix applied to (x, y, z).</summary>
    public (double X, double Y, double Z) Apply(double x, double y, double z) =>
        ((M00 * x) + (M01 * y) + (M02 * z), (M10 * x) + (M11 * y) + (M12 * z), (M20 * x) + (M21 * y) + (M22 * z));

    private static SpatialTransform RotationX(double a)
    {
        var (s, c) = SinCos(a);
        return new(1, 0, 0, 0, c, -s, 0, s, c);
    }

    private static SpatialTransform RotationY(double a)
    {
        var (s, c) = SinCos(a);
        return new(c, 0, s, 0, 1, 0, -s, 0, c);
    }

    private static SpatialTransform RotationZ(double a)
    {
        var (s, c) = SinCos(a);
        return new(c, -s, 0, s, c, 0, 0, 0, 1);
    }

    // Exact zeros for zero angles keep the identity exact (sin(0) is 0, cos(0) is 1 in IEEE arithmetic).
    private static (double Sin, double Cos) SinCos(double a) => a == 0 ? (0, 1) : Math.SinCos(a);
}
