using System.Numerics;
using Platform.Imaging.Intensity;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Metrics;

/// <summary>Surface-distance scores of one label in one case (millimetres, using the voxel spacing).</summary>
/// <param name="Label">The label scored.</param>
/// <param name="Hd95Mm">
/// 95th percentile (numpy 'linear') of the pooled distances from each surface voxel of either mask to the
/// other mask's surface (medpy's hd95). NaN when both masks are empty, +∞ when only one is.
/// </param>
/// <param name="SurfaceDice">
/// Fraction of surface voxels of both masks lying within the tolerance of the other surface (voxel-count
/// version of Nikolov et al.'s surface Dice). NaN when both are empty, 0 when only one is.
/// </param>
/// <param name="ToleranceMm">The surface Dice tolerance used.</param>
public sealed record SurfaceScores(int Label, double Hd95Mm, double SurfaceDice, double ToleranceMm);

/// <summary>
/// Surfaces are the foreground voxels with a background face neighbour (outside the image counts as
/// background). Distances come from an exact Euclidean distance transform of the other surface, computed
/// only over the bounding box of both masks (exact, because every surface voxel lies inside it).
/// </summary>
public static class SurfaceMetrics
{
    public static SurfaceScores Compute<T>(Volume<T> prediction, Volume<T> reference, int label, double toleranceMm)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(reference);
        if (prediction.Shape != reference.Shape)
            throw new ArgumentException($"Prediction shape {prediction.Shape} differs from reference {reference.Shape}.", nameof(reference));
        var value = T.CreateTruncating(label);
        var box = UnionBox(prediction, reference, value);
        if (box is null)
            return new SurfaceScores(label, double.NaN, double.NaN, toleranceMm);
        var (x0, y0, z0, nx, ny, nz) = box.Value;
        var a = Crop(prediction, value, x0, y0, z0, nx, ny, nz);
        var b = Crop(reference, value, x0, y0, z0, nx, ny, nz);
        var surfaceA = Surface(a, nx, ny, nz);
        var surfaceB = Surface(b, nx, ny, nz);
        var countA = surfaceA.Count(s => s);
        var countB = surfaceB.Count(s => s);
        if (countA == 0 || countB == 0)
            return new SurfaceScores(label, double.PositiveInfinity, 0, toleranceMm);

        var sp = reference.Geometry.Spacing;
        var toB = DistanceTransform.Squared(surfaceB, nx, ny, nz, sp.X, sp.Y, sp.Z);
        var toA = DistanceTransform.Squared(surfaceA, nx, ny, nz, sp.X, sp.Y, sp.Z);
        var distances = new double[countA + countB];
        var n = 0;
        for (var i = 0; i < surfaceA.Length; i++)
            if (surfaceA[i])
                distances[n++] = Math.Sqrt(toB[i]);
        for (var i = 0; i < surfaceB.Length; i++)
            if (surfaceB[i])
                distances[n++] = Math.Sqrt(toA[i]);
        var within = distances.Count(d => d <= toleranceMm);
        Array.Sort(distances);
        return new SurfaceScores(label, Percentiles.FromSorted(distances, 95), (double)within / distances.Length, toleranceMm);
    }

    /// <summary>Bounding box of both masks grown by one voxel, as (start, size) per axis; null when both are empty.</summary>
    private static (int X0, int Y0, int Z0, int Nx, int Ny, int Nz)? UnionBox<T>(Volume<T> a, Volume<T> b, T value) where T : unmanaged, INumber<T>
    {
        var s = a.Shape;
        int minX = int.MaxValue, minY = int.MaxValue, minZ = int.MaxValue, maxX = -1, maxY = -1, maxZ = -1;
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
            {
                var row = a.IndexOf(0, y, z);
                for (var x = 0; x < s.X; x++)
                {
                    if (a.Data[row + x] != value && b.Data[row + x] != value)
                        continue;
                    (minX, maxX) = (Math.Min(minX, x), Math.Max(maxX, x));
                    (minY, maxY) = (Math.Min(minY, y), Math.Max(maxY, y));
                    (minZ, maxZ) = (Math.Min(minZ, z), Math.Max(maxZ, z));
                }
            }

        if (maxX < 0)
            return null;
        return (minX - 1, minY - 1, minZ - 1, maxX - minX + 3, maxY - minY + 3, maxZ - minZ + 3);
    }

    private static bool[] Crop<T>(Volume<T> v, T value, int x0, int y0, int z0, int nx, int ny, int nz) where T : unmanaged, INumber<T>
    {
        var mask = new bool[nx * ny * nz];
        var s = v.Shape;
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
                for (var x = 0; x < nx; x++)
                {
                    int sx = x + x0, sy = y + y0, sz = z + z0;
                    if (sx >= 0 && sy >= 0 && sz >= 0 && sx < s.X && sy < s.Y && sz < s.Z)
                        mask[x + (nx * (y + (ny * z)))] = v[sx, sy, sz] == value;
                }

        return mask;
    }

    private static bool[] Surface(bool[] mask, int nx, int ny, int nz)
    {
        // The crop has a one-voxel background margin, so neighbours of foreground voxels are always inside it.
        var surface = new bool[mask.Length];
        var plane = nx * ny;
        for (var i = 0; i < mask.Length; i++)
        {
            if (!mask[i])
                continue;
            surface[i] = !mask[i - 1] || !mask[i + 1] || !mask[i - nx] || !mask[i + nx] || !mask[i - plane] || !mask[i + plane];
        }

        return surface;
    }
}
