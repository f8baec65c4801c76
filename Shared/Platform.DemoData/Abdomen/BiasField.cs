using Platform.DemoData.Phantoms;
using Platform.Imaging.Geometry;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Abdomen;

/// <summary>
/// A smooth intensity inhomogeneity in [−1, 1]: a few plane waves with wavelengths of about the field of view's
/// diagonal or longer, so it varies slowly but noticeably across the body, as coil sensitivity (MR) and cupping
/// (CT) do. Modalities scale it.
/// </summary>
internal sealed class BiasField
{
    private readonly (Vector3D Wave, double Phase, double Weight)[] _terms;

    private BiasField((Vector3D Wave, double Phase, double Weight)[] terms) => _terms = terms;

    public static BiasField Draw(Random random, Vector3D fieldOfView)
    {
        var terms = new (Vector3D, double, double)[4];
        var weights = Enumerable.Range(0, terms.Length).Select(_ => random.Between(0.5, 1)).ToArray();
        for (var i = 0; i < terms.Length; i++)
        {
            var direction = Blob.Unit(new Vector3D(random.Gaussian(), random.Gaussian(), random.Gaussian()));
            var wavelength = fieldOfView.Length * random.Between(0.8, 1.6);
            terms[i] = (direction * (2 * Math.PI / wavelength), random.Between(0, 2 * Math.PI), weights[i] / weights.Sum());
        }

        return new BiasField(terms);
    }

    public double At(double x, double y, double z)
    {
        double sum = 0;
        foreach (var (wave, phase, weight) in _terms)
            sum += weight * Math.Cos((wave.X * x) + (wave.Y * y) + (wave.Z * z) + phase);
        return sum;
    }

    /// <summary>The field at every voxel centre of <paramref name="geometry"/>.</summary>
    public float[] Sample(VolumeGeometry geometry)
    {
        var field = new float[geometry.Shape.VoxelCount];
        GridWalk.Voxels(geometry, Box3.Of(geometry.Shape), (i, x, y, z) => field[i] = (float)At(x, y, z));
        return field;
    }
}
