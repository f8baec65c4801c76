using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Abdomen;

/// <summary>One lobe of a blob's surface: the radius swells by <c>Amplitude · sin(Frequency · (direction · Axis) + Phase)</c>.</summary>
internal readonly record struct Lobe(Vector3D Axis, double Frequency, double Phase, double Amplitude);

/// <summary>
/// A smooth, irregular closed shape: an ellipsoid (centre, radii, rotation) whose radius swells and shrinks with
/// direction by a few <see cref="Lobe"/>s, so organs and lesions are lobulated rather than perfect. An infinite
/// z radius makes an elliptic cylinder along the rotated z axis (body outline, spine, aorta).
/// </summary>
internal sealed class Blob
{
    private readonly Matrix3 _toLocal;
    private readonly Vector3D _inverseRadii;
    private readonly Lobe[] _lobes;
    private readonly double _distanceScale;

    public Blob(Vector3D centre, Vector3D radii, Matrix3 rotation, IReadOnlyList<Lobe> lobes)
    {
        Centre = centre;
        Radii = radii;
        _toLocal = rotation.Transpose();
        _inverseRadii = new Vector3D(1 / radii.X, 1 / radii.Y, 1 / radii.Z);
        _lobes = [.. lobes];
        var swell = _lobes.Sum(l => Math.Abs(l.Amplitude));
        MinRadius = Math.Min(radii.X, Math.Min(radii.Y, radii.Z));
        // (ρ − 1)·minimum radius is a lower bound on an ellipsoid's distance (it contains a ball of that radius);
        // lobes tilt the surface by up to Σ|a|·f, which shrinks the bound by that factor. Underestimating the distance
        // only makes more voxels count as near a boundary: slower, never wrong.
        _distanceScale = MinRadius / (1 + _lobes.Sum(l => Math.Abs(l.Amplitude * l.Frequency)));
        BoundingRadius = Math.Max(radii.X, Math.Max(radii.Y, radii.Z)) * (1 + swell);
        HalfExtent = new Vector3D(Extent(rotation, radii, 0), Extent(rotation, radii, 1), Extent(rotation, radii, 2)) * (1 + swell);
    }

    public Vector3D Centre { get; }

    public Vector3D Radii { get; }

    public double MinRadius { get; }

    /// <summary>No point of the blob is farther than this from its centre (infinite for a cylinder).</summary>
    public double BoundingRadius { get; }

    /// <summary>Half the size of the world-axis-aligned box that holds the blob (infinite along a cylinder's axis).</summary>
    public Vector3D HalfExtent { get; }

    /// <summary>The ellipsoid's volume before lobes, mm³ (what a lesion's nominal size refers to).</summary>
    public double NominalVolume => 4.0 / 3 * Math.PI * Radii.X * Radii.Y * Radii.Z;

    /// <summary>
    /// An estimate of the signed distance to the surface in mm, negative inside. The sign is exact; the magnitude
    /// never exceeds the true distance (see the constructor), so |d| ≥ margin proves a point is that far away.
    /// </summary>
    public double Distance(Vector3D p)
    {
        var q = _toLocal * (p - Centre);
        var u = q.Scale(_inverseRadii);
        var rho = u.Length;
        return (rho - (rho > 0 ? Surface(u * (1 / rho)) : 1)) * _distanceScale;
    }

    /// <summary>Inside, with a cheap box test first (most points asked about are far from most blobs).</summary>
    public bool Contains(Vector3D p) =>
        Math.Abs(p.X - Centre.X) <= HalfExtent.X && Math.Abs(p.Y - Centre.Y) <= HalfExtent.Y && Math.Abs(p.Z - Centre.Z) <= HalfExtent.Z
        && Distance(p) <= 0;

    /// <summary>
    /// <paramref name="count"/> points on the surface (lobes included), in directions spread evenly over the sphere
    /// (a Fibonacci spiral), for checking that one shape lies inside another.
    /// </summary>
    public IEnumerable<Vector3D> SurfacePoints(int count)
    {
        var golden = Math.PI * (3 - Math.Sqrt(5));
        for (var i = 0; i < count; i++)
        {
            var z = 1 - ((2 * i) + 1.0) / count;
            var r = Math.Sqrt(1 - (z * z));
            var direction = new Vector3D(r * Math.Cos(golden * i), r * Math.Sin(golden * i), z);
            yield return At(direction * Surface(direction));
        }
    }

    /// <summary>A point at local normalised position <paramref name="u"/> (1 = on the ellipsoid before lobes).</summary>
    public Vector3D At(Vector3D u) => Centre + (_toLocal.Transpose() * u.Scale(Radii));

    /// <summary>Random lobes: <paramref name="count"/> of them, amplitudes and frequencies within the given bounds.</summary>
    public static Lobe[] RandomLobes(Random random, int count, double maxAmplitude, (double Min, double Max) frequency)
    {
        var lobes = new Lobe[count];
        for (var i = 0; i < count; i++)
        {
            // A direction uniform on the sphere (normalised Gaussian vector).
            var axis = Unit(new Vector3D(random.Gaussian(), random.Gaussian(), random.Gaussian()));
            lobes[i] = new Lobe(axis, random.In(frequency), random.Between(0, 2 * Math.PI), random.Between(0.4, 1) * maxAmplitude);
        }

        return lobes;
    }

    /// <summary>The normalised radius of the surface in a unit <paramref name="direction"/> of the local frame.</summary>
    private double Surface(Vector3D direction)
    {
        var surface = 1.0;
        foreach (var lobe in _lobes)
            surface += lobe.Amplitude * Math.Sin((lobe.Frequency * direction.Dot(lobe.Axis)) + lobe.Phase);
        return surface;
    }

    public static Vector3D Unit(Vector3D v) => v * (1 / Math.Max(v.Length, 1e-9));

    /// <summary>Half-extent along world axis <paramref name="axis"/> of the rotated ellipsoid; a zero entry times an infinite radius counts as zero.</summary>
    private static double Extent(Matrix3 rotation, Vector3D radii, int axis)
    {
        double sum = 0;
        for (var j = 0; j < 3; j++)
        {
            var r = rotation[axis, j];
            if (r != 0)
                sum += r * r * radii[j] * radii[j];
        }

        return Math.Sqrt(sum);
    }
}
