using Platform.Imaging.Geometry;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Abdomen;

/// <summary>
/// The noise-free image and the label map of a set of structures on a grid. Labels are decided at voxel centres;
/// a voxel's intensity is the mean over a regular grid of sub-voxel samples (partial volume), but only for voxels
/// near a boundary: elsewhere every sample would agree with the centre, so the centre's value is used. A footprint
/// wider than the voxel spreads the samples further, which blurs edges exactly as a box point-spread function would
/// blur the noise-free image (flat regions are unchanged by any blur).
/// </summary>
internal static class PartialVolumeRaster
{
    /// <summary>Noise-free intensities, labels, how many voxel centres each structure owns, and how many voxels were supersampled.</summary>
    public sealed record Result(float[] Intensity, byte[] Label, int[] CentresOwned, int BoundaryVoxels);

    public static Result Render(IReadOnlyList<Structure> structures, IReadOnlyList<double> values, double outside, VolumeGeometry geometry,
        int samplesPerAxis, double footprint)
    {
        var count = (int)geometry.Shape.VoxelCount;
        // Per voxel centre: the last structure painted over it whose surface is farther than the band (its samples
        // all lie inside it too), and the few structures whose surface is within the band (only these can change
        // which structure a sample lies in, so only these are tested per sample).
        var settled = new short[count];
        Array.Fill(settled, (short)-1);
        var nearCount = new byte[count];
        var near = new short[count * MaxNear];
        var offsets = SampleOffsets(geometry, samplesPerAxis, footprint);
        // The farthest a sample lies from its voxel's centre: a surface farther than that from the centre cannot
        // separate the samples.
        var band = Enumerable.Range(0, offsets.Length / 3).Max(j => new Vector3D(offsets[3 * j], offsets[(3 * j) + 1], offsets[(3 * j) + 2]).Length) + 1e-9;
        for (var k = 0; k < structures.Count; k++)
        {
            var shape = structures[k].Shape;
            var id = (short)k;
            GridWalk.Voxels(geometry, GridWalk.Around(geometry, shape.Centre, shape.HalfExtent, band), (i, x, y, z) =>
            {
                var d = shape.Distance(x, y, z);
                if (Math.Abs(d) >= band)
                {
                    if (d < 0)
                        settled[i] = id;
                }
                else if (nearCount[i] < MaxNear)
                {
                    near[(i * MaxNear) + nearCount[i]] = id;
                    nearCount[i]++;
                }
                else
                {
                    nearCount[i] = Crowded;
                }
            });
        }

        var label = new byte[count];
        var owned = new int[structures.Count];
        var intensity = new float[count];
        var boundary = 0;
        GridWalk.Voxels(geometry, Box3.Of(geometry.Shape), (i, x, y, z) =>
        {
            int OwnerAt(double sx, double sy, double sz) => nearCount[i] == Crowded
                ? LastContaining(structures, sx, sy, sz)
                : LastContaining(structures, settled[i], near.AsSpan(i * MaxNear, nearCount[i]), sx, sy, sz);
            var k = nearCount[i] == 0 ? settled[i] : OwnerAt(x, y, z);
            if (k >= 0)
            {
                label[i] = structures[k].Label;
                owned[k]++;
            }

            if (nearCount[i] == 0 || offsets.Length == 3)
            {
                intensity[i] = (float)(k >= 0 ? values[k] : outside);
                return;
            }

            boundary++;
            double sum = 0;
            for (var j = 0; j < offsets.Length; j += 3)
            {
                var at = OwnerAt(x + offsets[j], y + offsets[j + 1], z + offsets[j + 2]);
                sum += at >= 0 ? values[at] : outside;
            }

            intensity[i] = (float)(sum / (offsets.Length / 3));
        });
        return new Result(intensity, label, owned, boundary);
    }

    /// <summary>Structures whose surface passes near one voxel, at most; more marks the voxel <see cref="Crowded"/>.</summary>
    private const int MaxNear = 4;

    private const byte Crowded = byte.MaxValue;

    /// <summary>The last-painted structure containing the point: <paramref name="settled"/> or a later one among those near.</summary>
    private static int LastContaining(IReadOnlyList<Structure> structures, int settled, ReadOnlySpan<short> near, double x, double y, double z)
    {
        // Near structures were recorded in painting order, so the first hit from the end is the last painted.
        for (var j = near.Length - 1; j >= 0 && near[j] > settled; j--)
        {
            if (structures[near[j]].Shape.Contains(x, y, z))
                return near[j];
        }

        return settled;
    }

    /// <summary>The last-painted structure containing the point, or −1 outside all of them.</summary>
    private static int LastContaining(IReadOnlyList<Structure> structures, double x, double y, double z)
    {
        for (var k = structures.Count - 1; k >= 0; k--)
        {
            if (structures[k].Shape.Contains(x, y, z))
                return k;
        }

        return -1;
    }

    /// <summary>
    /// World offsets (x, y, z flattened) of the sample points: cell centres of an n×n×n grid over the footprint
    /// (one point, the centre, for n = 1).
    /// </summary>
    private static double[] SampleOffsets(VolumeGeometry geometry, int n, double footprint)
    {
        var m = geometry.IndexToWorldMatrix;
        var offsets = new double[3 * n * n * n];
        double At(int i) => (((i + 0.5) / n) - 0.5) * footprint;
        for (int z = 0, j = 0; z < n; z++)
            for (var y = 0; y < n; y++)
                for (var x = 0; x < n; x++, j += 3)
                    (offsets[j], offsets[j + 1], offsets[j + 2]) = m * new Vector3D(At(x), At(y), At(z));
        return offsets;
    }
}
