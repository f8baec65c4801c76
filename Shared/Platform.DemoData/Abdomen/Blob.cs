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
    private readonly Lobe[] _lobes;
    private readonly double _distanceScale;

    // The hot path (millions of calls per case) works on plain doubles: Vector3D and Matrix3 live in
    // Platform.Imaging, whose operators are not inlined when that assembly is built for debugging.
    private readonly double _cx, _cy, _cz, _hx, _hy, _hz;
    private readonly double _m00, _m01, _m02, _m10, _m11, _m12, _m20, _m21, _m22;
    private readonly double _ix, _iy, _iz;
    private readonly double[] _lobeAxes;
    private readonly double[] _lobeTerms;

    public Blob(Vector3D centre, Vector3D radii, Matrix3 rotation, IReadOnlyList<Lobe> lobes)
    {
        Centre = centre;
        Radii = radii;
        _toLocal = rotation.Transpose();
        _lobes = [.. lobes];
        var swell = _lobes.Sum(l => Math.Abs(l.Amplitude));
        var minRadius = Math.Min(radii.X, Math.Min(radii.Y, radii.Z));
        // (ρ − 1)·minimum radius is a lower bound on an ellipsoid's distance (it contains a ball of that radius);
        // lobes tilt the surface by up to Σ|a|·f, which shrinks the bound by that factor. Underestimating the distance
        // only makes more voxels count as near a boundary: slower, never wrong.
        _distanceScale = minRadius / (1 + _lobes.Sum(l => Math.Abs(l.Amplitude * l.Frequency)));
        BoundingRadius = Math.Max(radii.X, Math.Max(radii.Y, radii.Z)) * (1 + swell);
        HalfExtent = new Vector3D(Extent(rotation, radii, 0), Extent(rotation, radii, 1), Extent(rotation, radii, 2)) * (1 + swell);

        (_cx, _cy, _cz, _hx, _hy, _hz) = (centre.X, centre.Y, centre.Z, HalfExtent.X, HalfExtent.Y, HalfExtent.Z);
        (_m00, _m01, _m02, _m10, _m11, _m12, _m20, _m21, _m22) = (_toLocal.M00, _toLocal.M01, _toLocal.M02, _toLocal.M10, _toLocal.M11, _toLocal.M12, _toLocal.M20, _toLocal.M21, _toLocal.M22);
        (_ix, _iy, _iz) = (1 / radii.X, 1 / radii.Y, 1 / radii.Z);
        _lobeAxes = [.. _lobes.SelectMany(l => new[] { l.Axis.X, l.Axis.Y, l.Axis.Z })];
        _lobeTerms = [.. _lobes.SelectMany(l => new[] { l.Frequency, l.Phase, l.Amplitude })];
    }

    public Vector3D Centre { get; }

    public Vector3D Radii { get; }

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
    public double Distance(Vector3D p) => Distance(p.X, p.Y, p.Z);

    public double Distance(double x, double y, double z)
    {
        x -= _cx;
        y -= _cy;
        z -= _cz;
        var u = ((_m00 * x) + (_m01 * y) + (_m02 * z)) * _ix;
        var v = ((_m10 * x) + (_m11 * y) + (_m12 * z)) * _iy;
        var w = ((_m20 * x) + (_m21 * y) + (_m22 * z)) * _iz;
        var rho = Math.Sqrt((u * u) + (v * v) + (w * w));
        return (rho - (rho > 0 ? Surface(u / rho, v / rho, w / rho) : 1)) * _distanceScale;
    }

    /// <summary>Inside, with a cheap box test first (most points asked about are far from most blobs).</summary>
    public bool Contains(double x, double y, double z) =>
        Math.Abs(x - _cx) <= _hx && Math.Abs(y - _cy) <= _hy && Math.Abs(z - _cz) <= _hz && Distance(x, y, z) <= 0;

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
            yield return At(direction * Surface(direction.X, direction.Y, direction.Z));
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

    /// <summary>The normalised radius of the surface in a unit direction of the local frame.</summary>
    private double Surface(double x, double y, double z)
    {
        var surface = 1.0;
        for (var i = 0; i < _lobeTerms.Length; i += 3)
        {
            var along = (x * _lobeAxes[i]) + (y * _lobeAxes[i + 1]) + (z * _lobeAxes[i + 2]);
            surface += _lobeTerms[i + 2] * Math.Sin((_lobeTerms[i] * along) + _lobeTerms[i + 1]);
        }

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
