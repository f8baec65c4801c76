using Platform.Imaging.Volumes;

namespace Platform.DemoData.Phantoms;

/// <summary>How every generator here draws a case's voxel grid: jittered spacing, and the field of view it then covers.</summary>
internal static class PhantomGrid
{
    /// <summary>
    /// A case's grid: spacing jittered by <paramref name="spacingJitter"/>, voxel counts by <paramref name="shapeJitter"/>
    /// (no draws when 0, so generators without it keep their sequence), the orientation for the seed, centred on
    /// the world origin; and the field of view it covers.
    /// </summary>
    public static (VolumeGeometry Geometry, PhantomOrientation Orientation, Vector3D FieldOfView) Draw(
        Random random, int seed, Shape3 shape, Vector3D spacing, double spacingJitter, double shapeJitter, bool varyOrientation)
    {
        var jittered = JitteredSpacing(random, spacing, spacingJitter);
        if (shapeJitter > 0)
        {
            int Jittered(int voxels) => (int)Math.Round(voxels * random.Between(1 - shapeJitter, 1 + shapeJitter));
            shape = new Shape3(Jittered(shape.X), Jittered(shape.Y), Jittered(shape.Z));
        }

        var orientation = PhantomOrientations.ForSeed(seed, varyOrientation);
        var geometry = CtPhantom.Centred(shape, jittered, PhantomOrientations.Direction(orientation));
        return (geometry, orientation, FieldOfView(geometry));
    }

    /// <summary>
    /// <paramref name="spacing"/> with each axis scaled by a factor in 1 ± <paramref name="jitter"/>; in-plane voxels
    /// are then made square, as scanners reconstruct them. Draws three values from <paramref name="random"/>.
    /// </summary>
    private static Vector3D JitteredSpacing(Random random, Vector3D spacing, double jitter)
    {
        double Jitter() => 1 + ((random.NextDouble() * 2) - 1) * jitter;
        var jittered = new Vector3D(spacing.X * Jitter(), spacing.Y * Jitter(), spacing.Z * Jitter());
        return jittered with { Y = jittered.X };
    }

    /// <summary>
    /// The field of view along each world axis: the extent of the voxel axis that runs most nearly along it, times
    /// the cosine between them (a tilted grid covers a little less along the world axis than along its own).
    /// </summary>
    private static Vector3D FieldOfView(VolumeGeometry geometry)
    {
        var m = geometry.IndexToWorldMatrix;
        var s = geometry.Shape;
        double Along(int world) => Enumerable.Range(0, 3).Max(a => Math.Abs(m[world, a]) * s[a]);
        return new Vector3D(Along(0), Along(1), Along(2));
    }
}
