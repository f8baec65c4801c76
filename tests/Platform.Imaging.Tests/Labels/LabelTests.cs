using Platform.Imaging.Geometry;
using Platform.Imaging.Labels;
using Platform.Imaging.Tests.Support;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Tests.Labels;

public sealed class LabelTests
{
    [Fact]
    public void Remapping_with_a_map_keeps_or_defaults_unmapped_labels()
    {
        var v = new Volume<byte>(VolumeGeometry.Identity(new Shape3(5, 1, 1)), [0, 1, 2, 3, 4]);
        var map = new Dictionary<int, int> { [1] = 0, [2] = 2, [3] = 1 };

        Assert.Equal(new byte[] { 0, 0, 2, 1, 4 }, LabelRemapping.Apply(v, map).Data);
        Assert.Equal(new byte[] { 0, 0, 2, 1, 0 }, LabelRemapping.Apply(v, map, unmappedTo: 0).Data);
        Assert.Equal(map, LabelRemapping.FromLists([1, 2, 3], [0, 2, 1]));
        Assert.Throws<ArgumentException>(() => LabelRemapping.FromLists([1, 1], [2, 3]));
    }

    /// <summary>Reference: breadth-first flood fill, counting components per label.</summary>
    private static List<long> FloodFillSizes(Volume<byte> v, bool full)
    {
        var s = v.Shape;
        var seen = new bool[v.Data.Length];
        var sizes = new List<long>();
        for (var start = 0; start < v.Data.Length; start++)
        {
            if (seen[start] || v.Data[start] == 0)
                continue;
            var queue = new Queue<int>([start]);
            seen[start] = true;
            long size = 0;
            while (queue.Count > 0)
            {
                var i = queue.Dequeue();
                size++;
                int x = i % s.X, y = i / s.X % s.Y, z = i / s.X / s.Y;
                for (var dz = -1; dz <= 1; dz++)
                    for (var dy = -1; dy <= 1; dy++)
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var manhattan = Math.Abs(dx) + Math.Abs(dy) + Math.Abs(dz);
                            if (manhattan == 0 || (!full && manhattan > 1))
                                continue;
                            int nx = x + dx, ny = y + dy, nz = z + dz;
                            if (nx < 0 || ny < 0 || nz < 0 || nx >= s.X || ny >= s.Y || nz >= s.Z)
                                continue;
                            var j = v.IndexOf(nx, ny, nz);
                            if (!seen[j] && v.Data[j] == v.Data[start])
                            {
                                seen[j] = true;
                                queue.Enqueue(j);
                            }
                        }
            }

            sizes.Add(size);
        }

        return sizes;
    }

    [Theory]
    [InlineData(Connectivity.Six, 1)]
    [InlineData(Connectivity.TwentySix, 2)]
    [InlineData(Connectivity.Six, 3)]
    [InlineData(Connectivity.TwentySix, 4)]
    public void Components_match_a_flood_fill_on_random_label_maps(Connectivity connectivity, int seed)
    {
        var random = new Random(seed);
        var v = new Volume<byte>(VolumeGeometry.Identity(new Shape3(17, 13, 11)));
        for (var i = 0; i < v.Data.Length; i++)
            v.Data[i] = (byte)(random.NextDouble() < 0.35 ? 1 + random.Next(2) : 0);

        var map = ConnectedComponents.Label(v, connectivity);

        var expected = FloodFillSizes(v, connectivity == Connectivity.TwentySix);
        Assert.Equal(expected.Count, map.Count);
        Assert.Equal(expected.Order(), map.SizeOf.Skip(1).Order());
        for (var i = 0; i < v.Data.Length; i++)
            Assert.Equal(v.Data[i] == 0, map.Ids[i] == 0);
    }

    [Fact]
    public void Diagonal_neighbours_join_only_with_26_connectivity()
    {
        var v = new Volume<byte>(VolumeGeometry.Identity(new Shape3(3, 3, 3)));
        v[0, 0, 0] = 1;
        v[1, 1, 1] = 1;

        Assert.Equal(2, ConnectedComponents.Label(v, Connectivity.Six).Count);
        Assert.Equal(1, ConnectedComponents.Label(v, Connectivity.TwentySix).Count);
    }

    [Fact]
    public void KeepLargest_keeps_k_per_label_and_RemoveSmall_drops_dust()
    {
        var v = new Volume<byte>(VolumeGeometry.Identity(new Shape3(20, 1, 1)),
            [1, 1, 1, 0, 1, 0, 1, 1, 0, 2, 2, 0, 2, 0, 2, 2, 2, 0, 1, 0]);

        Assert.Equal(new byte[] { 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 0, 0, 0 }, ComponentFilters.KeepLargest(v, 1).Data);
        Assert.Equal(new byte[] { 1, 1, 1, 0, 0, 0, 1, 1, 0, 2, 2, 0, 0, 0, 2, 2, 2, 0, 0, 0 }, ComponentFilters.KeepLargest(v, 2).Data);
        Assert.Equal(new byte[] { 1, 1, 1, 0, 0, 0, 1, 1, 0, 2, 2, 0, 0, 0, 2, 2, 2, 0, 0, 0 }, ComponentFilters.RemoveSmall(v, 2).Data);
    }

    [Fact]
    public void Label_boxes_cover_each_label()
    {
        var v = new Volume<short>(VolumeGeometry.Identity(new Shape3(6, 5, 4)));
        v[1, 2, 3] = 4;
        v[3, 1, 0] = 4;
        v[5, 4, 2] = 7;

        var boxes = LabelBoxes.Of(v);

        Assert.Equal(new Box3(1, 1, 0, 4, 3, 4), boxes[4]);
        Assert.Equal(new Box3(5, 4, 2, 6, 5, 3), boxes[7]);
        Assert.Equal(2, boxes.Count);
    }

    [Fact]
    public void Foreground_samples_are_capped_seeded_and_inside_their_label()
    {
        var v = TestVolumes.Random<byte>(VolumeGeometry.Identity(new Shape3(30, 30, 30)), 9, 0, 2.99);

        var a = ForegroundSampler.Sample(v, maxPerLabel: 500, seed: 5);
        var b = ForegroundSampler.Sample(v, maxPerLabel: 500, seed: 5);
        var c = ForegroundSampler.Sample(v, maxPerLabel: 500, seed: 6);

        Assert.Equal(new[] { 1, 2 }, a.Keys.Order());
        foreach (var (label, indices) in a)
        {
            Assert.Equal(500, indices.Length);
            Assert.Equal(indices.Length, indices.Distinct().Count());
            Assert.All(indices, i => Assert.Equal(label, v.Data[i]));
            Assert.Equal(indices, b[label]);
        }

        Assert.NotEqual(a[1], c[1]);
        var few = new Volume<byte>(VolumeGeometry.Identity(new Shape3(3, 1, 1)), [0, 3, 3]);
        Assert.Equal(new[] { 1, 2 }, ForegroundSampler.Sample(few)[3]);
    }
}
