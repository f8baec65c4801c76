using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Labels;

public enum Connectivity
{
    /// <summary>Face neighbours only.</summary>
    Six = 6,

    /// <summary>Face, edge and corner neighbours.</summary>
    TwentySix = 26,
}

/// <summary>Components of a label map: Ids per voxel (0 = background), and per component its label and size.</summary>
public sealed record ComponentMap(int[] Ids, int Count, int[] LabelOf, long[] SizeOf);

/// <summary>
/// 3D connected components by a two-pass union-find: the first pass links each foreground voxel to its
/// already-visited neighbours with the same label (3 of them for 6-connectivity, 13 for 26), the second
/// resolves roots to consecutive ids 1..Count in scan order. Voxels with different labels never join.
/// </summary>
public static class ConnectedComponents
{
    public static ComponentMap Label<T>(Volume<T> labels, Connectivity connectivity = Connectivity.Six) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(labels);
        var s = labels.Shape;
        var data = labels.Data;
        var parent = new int[data.Length];
        var offsets = BackwardNeighbours(connectivity);
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
            {
                var row = labels.IndexOf(0, y, z);
                for (var x = 0; x < s.X; x++)
                {
                    var i = row + x;
                    var value = data[i];
                    if (value == T.Zero)
                    {
                        parent[i] = -1;
                        continue;
                    }

                    parent[i] = i;
                    foreach (var (dx, dy, dz) in offsets)
                    {
                        int nx = x + dx, ny = y + dy, nz = z + dz;
                        if (nx < 0 || nx >= s.X || ny < 0 || ny >= s.Y || nz < 0)
                            continue;
                        var j = labels.IndexOf(nx, ny, nz);
                        if (data[j] == value)
                            Union(parent, i, j);
                    }
                }
            }

        var ids = new int[data.Length];
        var rootId = new Dictionary<int, int>();
        var labelOf = new List<int> { 0 };
        var sizes = new List<long> { 0 };
        for (var i = 0; i < data.Length; i++)
        {
            if (parent[i] < 0)
                continue;
            var root = Find(parent, i);
            if (!rootId.TryGetValue(root, out var id))
            {
                id = labelOf.Count;
                rootId[root] = id;
                labelOf.Add(int.CreateTruncating(data[i]));
                sizes.Add(0);
            }

            ids[i] = id;
            sizes[id]++;
        }

        return new ComponentMap(ids, labelOf.Count - 1, [.. labelOf], [.. sizes]);
    }

    private static (int, int, int)[] BackwardNeighbours(Connectivity connectivity)
    {
        if (connectivity == Connectivity.Six)
            return [(-1, 0, 0), (0, -1, 0), (0, 0, -1)];
        var list = new List<(int, int, int)>();
        for (var dz = -1; dz <= 0; dz++)
            for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                    if (dz < 0 || (dz == 0 && (dy < 0 || (dy == 0 && dx < 0))))
                        list.Add((dx, dy, dz));
        return [.. list];
    }

    private static int Find(int[] parent, int i)
    {
        var root = i;
        while (parent[root] != root)
            root = parent[root];
        while (parent[i] != root)
            (parent[i], i) = (root, parent[i]); // path compression
        return root;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra == rb)
            return;
        // The smaller index becomes the root, so roots are the first voxel of their component in scan order.
        if (ra < rb)
            parent[rb] = ra;
        else
            parent[ra] = rb;
    }
}
