using Platform.Imaging.Volumes;

namespace Platform.Testing.Datasets;

/// <summary>
/// A body-like ellipsoid (soft tissue about 40 HU) in air (−1000 HU) with two spherical organs: label 1
/// (liver-like, about 60 HU) and label 2 (kidney-like, about 150 HU), plus seeded Gaussian-ish noise.
/// </summary>
public static class SyntheticCase
{
    public static readonly Shape3 DefaultShape = new(24, 24, 16);
    public static readonly Vector3D DefaultSpacing = new(1.5, 1.5, 2.5);

    public static VolumeGeometry Geometry(Vector3D? spacing = null, Vector3D? origin = null) =>
        new(DefaultShape, spacing ?? DefaultSpacing, origin ?? new Vector3D(-18, -18, -20), Matrix3.Identity);

    public static Volume<byte> Labels(VolumeGeometry geometry, bool empty = false)
    {
        var labels = new Volume<byte>(geometry);
        if (empty)
            return labels;
        var s = geometry.Shape;
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
                for (var x = 0; x < s.X; x++)
                {
                    if (Inside(x, y, z, 9, 12, 8, 5, 5, 4))
                        labels[x, y, z] = 1;
                    else if (Inside(x, y, z, 17, 12, 8, 3, 3, 2))
                        labels[x, y, z] = 2;
                }

        return labels;
    }

    /// <summary>HU-like channel; <paramref name="offset"/> shifts it (a second channel).</summary>
    public static Volume<short> Image(Volume<byte> labels, int seed, short offset = 0)
    {
        var random = new Random(seed);
        var image = new Volume<short>(labels.Geometry);
        var s = labels.Shape;
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
                for (var x = 0; x < s.X; x++)
                {
                    var noise = random.Next(-10, 11) + random.Next(-10, 11); // triangular, σ ≈ 8 HU
                    var value = labels[x, y, z] switch
                    {
                        1 => 60,
                        2 => 150,
                        _ => Inside(x, y, z, 12, 12, 8, 11, 9, 7) ? 40 : -1000,
                    };
                    image[x, y, z] = (short)(value + noise + offset);
                }

        return image;
    }

    private static bool Inside(int x, int y, int z, double cx, double cy, double cz, double rx, double ry, double rz)
    {
        var (dx, dy, dz) = ((x - cx) / rx, (y - cy) / ry, (z - cz) / rz);
        return (dx * dx) + (dy * dy) + (dz * dz) <= 1;
    }
}
