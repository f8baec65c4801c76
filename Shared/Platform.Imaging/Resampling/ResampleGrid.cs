using Platform.Imaging.Volumes;

namespace Platform.Imaging.Resampling;

/// <summary>
/// The output grid for a target spacing: shape = round(n · spacing / target) (at least 1), exactly the
/// target spacing, same direction, and the centre of the field of view kept in place. The origin moves by
/// the half-voxel difference so that every output voxel's world position is where its value was sampled.
/// </summary>
public static class ResampleGrid
{
    public static VolumeGeometry ForSpacing(VolumeGeometry source, Vector3D targetSpacing)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!targetSpacing.IsFinite || targetSpacing.X <= 0 || targetSpacing.Y <= 0 || targetSpacing.Z <= 0)
            throw new ArgumentException($"Target spacing {targetSpacing} must be positive.", nameof(targetSpacing));
        var shape = new Shape3(
            OutputLength(source.Shape.X, source.Spacing.X, targetSpacing.X),
            OutputLength(source.Shape.Y, source.Spacing.Y, targetSpacing.Y),
            OutputLength(source.Shape.Z, source.Spacing.Z, targetSpacing.Z));
        var firstVoxel = new Vector3D(
            AxisSampling.Position(0, source.Shape.X, shape.X, targetSpacing.X / source.Spacing.X),
            AxisSampling.Position(0, source.Shape.Y, shape.Y, targetSpacing.Y / source.Spacing.Y),
            AxisSampling.Position(0, source.Shape.Z, shape.Z, targetSpacing.Z / source.Spacing.Z));
        return new VolumeGeometry(shape, targetSpacing, source.IndexToWorld(firstVoxel), source.Direction);
    }

    private static int OutputLength(int n, double spacing, double target)
    {
        var length = Math.Round(n * spacing / target, MidpointRounding.ToEven);
        if (length > int.MaxValue / 2)
            throw new ArgumentException($"Resampling {n} voxels of {spacing} mm to {target} mm gives {length} voxels.", nameof(target));
        return Math.Max(1, (int)length);
    }

    /// <summary>The axis nnU-Net resamples separately, or −1 when the grids are not anisotropic enough.</summary>
    public static int OutOfPlaneAxis(Vector3D spacing, Vector3D target, ResampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.SeparateOutOfPlane)
            return -1;
        static double Ratio(Vector3D s) => Math.Max(s.X, Math.Max(s.Y, s.Z)) / Math.Min(s.X, Math.Min(s.Y, s.Z));
        static int ArgMax(Vector3D s) => s.X >= s.Y && s.X >= s.Z ? 0 : s.Y >= s.Z ? 1 : 2;
        if (Ratio(spacing) > options.AnisotropyThreshold)
            return ArgMax(spacing);
        if (Ratio(target) > options.AnisotropyThreshold)
            return ArgMax(target);
        return -1;
    }
}
