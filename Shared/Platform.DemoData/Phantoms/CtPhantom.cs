using Platform.Imaging.Volumes;

namespace Platform.DemoData.Phantoms;

/// <summary>A generated case: the CT-like image (HU, int16), its label map, and what it was drawn from.</summary>
public sealed record PhantomCase(Volume<short> Image, Volume<byte> Label, PhantomAnatomy Anatomy, PhantomOrientation Orientation);

/// <summary>
/// Generates CT-like cases. Everything is a pure function of the seed: the anatomy, the spacing, the orientation
/// (cycled by seed when varied) and the noise. Voxels are sampled at their centres in world space, so the same
/// anatomy on differently oriented grids agrees once the grids are brought to one orientation.
/// </summary>
public static class CtPhantom
{
    public static PhantomCase Generate(int seed, PhantomOptions? options = null)
    {
        options ??= new PhantomOptions();
        options.Validate();
        var random = new Random(seed);
        double Jitter() => 1 + ((random.NextDouble() * 2) - 1) * options.SpacingJitter;
        var spacing = new Vector3D(options.Spacing.X * Jitter(), options.Spacing.Y * Jitter(), options.Spacing.Z * Jitter());
        // In-plane voxels are square, as scanners reconstruct them.
        spacing = spacing with { Y = spacing.X };
        var orientation = options.VaryOrientation ? PhantomOrientations.All[Math.Abs(seed) % PhantomOrientations.All.Length] : PhantomOrientation.Lps;
        var geometry = Centred(options.Shape, spacing, PhantomOrientations.Direction(orientation));
        var fieldOfView = FieldOfView(geometry);
        var anatomy = PhantomAnatomy.Draw(random, fieldOfView, options.MaxLesions);
        return Rasterise(anatomy, geometry, orientation, options.NoiseHu, seed);
    }

    /// <summary>Samples <paramref name="anatomy"/> on <paramref name="geometry"/> with Gaussian noise.</summary>
    public static PhantomCase Rasterise(PhantomAnatomy anatomy, VolumeGeometry geometry, PhantomOrientation orientation, double noiseHu, int seed)
    {
        var image = new Volume<short>(geometry);
        var label = new Volume<byte>(geometry);
        var noise = new Random(unchecked((seed * 7919) + 17));
        var s = geometry.Shape;
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
                for (var x = 0; x < s.X; x++)
                {
                    var (value, hu) = anatomy.At(geometry.IndexToWorld(x, y, z));
                    var i = image.IndexOf(x, y, z);
                    label.Data[i] = value;
                    image.Data[i] = (short)Math.Clamp(Math.Round(hu + (noiseHu * Gaussian(noise))), -1024, 3071);
                }

        return new PhantomCase(image, label, anatomy, orientation);
    }

    /// <summary>A grid whose centre is the world origin, so the anatomy sits in the middle of every orientation.</summary>
    public static VolumeGeometry Centred(Shape3 shape, Vector3D spacing, Matrix3 direction)
    {
        var provisional = new VolumeGeometry(shape, spacing, Vector3D.Zero, direction);
        var centre = provisional.IndexToWorld((shape.X - 1) / 2.0, (shape.Y - 1) / 2.0, (shape.Z - 1) / 2.0);
        return provisional.WithOrigin(-centre);
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

    /// <summary>Box–Muller: one standard normal value.</summary>
    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
