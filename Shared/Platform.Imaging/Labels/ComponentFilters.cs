using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Labels;

/// <summary>Postprocessing by connected components (nnU-Net keep-largest, FRAN k_largest and dusting).</summary>
public static class ComponentFilters
{
    /// <summary>Keeps the <paramref name="k"/> largest components of each label; other components become 0. Ties keep the earlier component.</summary>
    public static Volume<T> KeepLargest<T>(Volume<T> labels, int k = 1, Connectivity connectivity = Connectivity.Six) where T : unmanaged, INumber<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var map = ConnectedComponents.Label(labels, connectivity);
        var keep = new bool[map.Count + 1];
        foreach (var group in Enumerable.Range(1, map.Count).GroupBy(id => map.LabelOf[id]))
            foreach (var id in group.OrderByDescending(id => map.SizeOf[id]).ThenBy(id => id).Take(k))
                keep[id] = true;
        return Filter(labels, map, keep);
    }

    /// <summary>Removes components smaller than <paramref name="minimumVoxels"/> (FRAN's dusting threshold).</summary>
    public static Volume<T> RemoveSmall<T>(Volume<T> labels, long minimumVoxels, Connectivity connectivity = Connectivity.Six) where T : unmanaged, INumber<T>
    {
        var map = ConnectedComponents.Label(labels, connectivity);
        var keep = new bool[map.Count + 1];
        for (var id = 1; id <= map.Count; id++)
            keep[id] = map.SizeOf[id] >= minimumVoxels;
        return Filter(labels, map, keep);
    }

    private static Volume<T> Filter<T>(Volume<T> labels, ComponentMap map, bool[] keep) where T : unmanaged, INumber<T>
    {
        var result = new T[labels.Data.Length];
        for (var i = 0; i < result.Length; i++)
            result[i] = map.Ids[i] != 0 && keep[map.Ids[i]] ? labels.Data[i] : T.Zero;
        return new Volume<T>(labels.Geometry, result);
    }
}
