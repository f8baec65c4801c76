using Platform.Imaging.Metrics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Metrics;

/// <summary>Metrics against a straightforward reference: voxel loops and brute-force surface distances.</summary>
public sealed class MetricsTests
{
    private static readonly VolumeGeometry Grid = new(new Shape3(14, 12, 9), new Vector3D(0.8, 1.1, 2.5), Vector3D.Zero, Matrix3.Identity);

    private static Volume<byte> RandomBlobs(int seed)
    {
        var random = new Random(seed);
        var v = new Volume<byte>(Grid);
        for (var k = 0; k < 4; k++)
        {
            var (cx, cy, cz, r, label) = (random.Next(14), random.Next(12), random.Next(9), 1.5 + (random.NextDouble() * 3), (byte)(1 + random.Next(2)));
            for (var z = 0; z < 9; z++)
                for (var y = 0; y < 12; y++)
                    for (var x = 0; x < 14; x++)
                        if (((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) + ((z - cz) * (z - cz)) <= r * r)
                            v[x, y, z] = label;
        }

        return v;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Overlap_scores_match_voxel_counting(int seed)
    {
        var p = RandomBlobs(seed);
        var r = RandomBlobs(seed + 100);

        var scores = OverlapMetrics.Compute(p, r, [1, 2, 3]);

        foreach (var s in scores)
        {
            long tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < p.Data.Length; i++)
            {
                var inP = p.Data[i] == s.Label;
                var inR = r.Data[i] == s.Label;
                tp += inP && inR ? 1 : 0;
                fp += inP && !inR ? 1 : 0;
                fn += !inP && inR ? 1 : 0;
            }

            Assert.Equal((tp, fp, fn), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
            var expectedDice = tp + fp + fn == 0 ? double.NaN : 2.0 * tp / ((2.0 * tp) + fp + fn);
            Assert.Equal(expectedDice, s.Dice, 12);
            Assert.Equal((fp - fn) * 0.8 * 1.1 * 2.5, s.VolumeDifferenceMm3, 9);
        }

        Assert.True(double.IsNaN(scores[2].Dice), "label 3 is absent from both, so its Dice is NaN");
        // The generic joint-histogram path (non-byte labels) must agree with the vectorised uint8 path.
        Assert.Equal(scores, OverlapMetrics.Compute(p.ConvertTo<short>(), r.ConvertTo<short>(), [1, 2, 3]));
    }

    [Fact]
    public void Dice_conventions_for_empty_masks()
    {
        var empty = new Volume<byte>(Grid);
        var single = new Volume<byte>(Grid);
        single[3, 3, 3] = 1;

        Assert.True(double.IsNaN(OverlapMetrics.Compute(empty, empty, [1])[0].Dice));
        Assert.Equal(0, OverlapMetrics.Compute(single, empty, [1])[0].Dice);
        Assert.Equal(0, OverlapMetrics.Compute(empty, single, [1])[0].Dice);
        Assert.Equal(1, OverlapMetrics.Compute(single, single, [1])[0].Dice);
        Assert.True(double.IsNaN(OverlapMetrics.Compute(empty, single, [1])[0].Precision));
        Assert.Equal(0, OverlapMetrics.Compute(empty, single, [1])[0].Recall);
    }

    /// <summary>Reference surface distances: every surface voxel against every other surface voxel.</summary>
    private static (double Hd95, double SurfaceDice) BruteForce(Volume<byte> p, Volume<byte> r, int label, double tolerance)
    {
        List<Vector3D> Surface(Volume<byte> v)
        {
            var points = new List<Vector3D>();
            var s = v.Shape;
            bool In(int x, int y, int z) => x >= 0 && y >= 0 && z >= 0 && x < s.X && y < s.Y && z < s.Z && v[x, y, z] == label;
            for (var z = 0; z < s.Z; z++)
                for (var y = 0; y < s.Y; y++)
                    for (var x = 0; x < s.X; x++)
                        if (In(x, y, z) && (!In(x - 1, y, z) || !In(x + 1, y, z) || !In(x, y - 1, z) || !In(x, y + 1, z) || !In(x, y, z - 1) || !In(x, y, z + 1)))
                            points.Add(new Vector3D(x * 0.8, y * 1.1, z * 2.5));
            return points;
        }

        var a = Surface(p);
        var b = Surface(r);
        var d = a.Select(pa => b.Min(pb => (pa - pb).Length)).Concat(b.Select(pb => a.Min(pa => (pa - pb).Length))).Order().ToArray();
        var h = 0.95 * (d.Length - 1);
        var lo = (int)Math.Floor(h);
        var hd95 = d[lo] + ((h - lo) * (d[Math.Min(lo + 1, d.Length - 1)] - d[lo]));
        return (hd95, (double)d.Count(x => x <= tolerance) / d.Length);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Surface_scores_match_brute_force_distances(int seed)
    {
        var p = RandomBlobs(seed);
        var r = RandomBlobs(seed + 50);
        foreach (var label in new[] { 1, 2 })
        {
            var hasP = p.Data.Contains((byte)label);
            var hasR = r.Data.Contains((byte)label);
            var s = SurfaceMetrics.Compute(p, r, label, 2.0);
            if (!hasP || !hasR)
            {
                Assert.Equal(hasP || hasR ? double.PositiveInfinity : double.NaN, s.Hd95Mm);
                continue;
            }

            var (hd95, surfaceDice) = BruteForce(p, r, label, 2.0);
            Assert.Equal(hd95, s.Hd95Mm, 9);
            Assert.Equal(surfaceDice, s.SurfaceDice, 12);
        }
    }

    [Fact]
    public void Surface_scores_for_single_voxels_and_disjoint_masks()
    {
        var a = new Volume<byte>(Grid);
        var b = new Volume<byte>(Grid);
        a[2, 2, 2] = 1;
        b[2, 2, 2] = 1;
        Assert.Equal(0, SurfaceMetrics.Compute(a, b, 1, 1).Hd95Mm);
        Assert.Equal(1, SurfaceMetrics.Compute(a, b, 1, 1).SurfaceDice);

        b[2, 2, 2] = 0;
        b[5, 2, 2] = 1; // 3 voxels of 0.8 mm away along x
        var disjoint = SurfaceMetrics.Compute(a, b, 1, 1);
        Assert.Equal(2.4, disjoint.Hd95Mm, 12);
        Assert.Equal(0, disjoint.SurfaceDice);
        Assert.Equal(1, SurfaceMetrics.Compute(a, b, 1, 2.41).SurfaceDice);

        var empty = new Volume<byte>(Grid);
        Assert.True(double.IsNaN(SurfaceMetrics.Compute(empty, empty, 1, 1).SurfaceDice));
        Assert.Equal(0, SurfaceMetrics.Compute(a, empty, 1, 1).SurfaceDice);
    }

    [Fact]
    public void Aggregation_ignores_NaN_and_excludes_background_from_the_foreground_mean()
    {
        var cases = new[]
        {
            new Dictionary<int, double> { [0] = 0.99, [1] = 0.8, [2] = double.NaN },
            new Dictionary<int, double> { [0] = 0.97, [1] = 0.6, [2] = 0.5 },
        };

        var perLabel = MetricAggregation.PerLabel(cases);

        Assert.Equal(0.7, perLabel[1], 12);
        Assert.Equal(0.5, perLabel[2], 12);
        Assert.Equal(0.6, MetricAggregation.ForegroundMean(perLabel), 12);
        Assert.True(double.IsNaN(MetricAggregation.NanMean([double.NaN])));
    }
}
