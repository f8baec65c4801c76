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
        var (geometry, orientation, fieldOfView) = PhantomGrid.Draw(random, seed, options.Shape, options.Spacing, options.SpacingJitter,
            shapeJitter: 0, options.VaryOrientation);
        var anatomy = PhantomAnatomy.Draw(random, fieldOfView, options.MaxLesions, options.LesionRadius, options.OrganScale);
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
                    image.Data[i] = (short)Math.Clamp(Math.Round(hu + (noiseHu * noise.Gaussian())), -1024, 3071);
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
}
