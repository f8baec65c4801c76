using Platform.Imaging.Labels;
using Platform.Imaging.Volumes;

namespace Platform.Training.Postprocessing;

/// <summary>
/// Component filters restricted to a region of a label map (one label, or all foreground labels together):
/// the region becomes a binary mask, <see cref="ComponentFilters"/> filters the mask, and region voxels the
/// filter dropped become background. Voxels outside the region are never touched.
/// </summary>
public static class RegionComponentFilter
{
    /// <summary>Keeps the <paramref name="k"/> largest components of the region.</summary>
    public static Volume<byte> KeepLargest(Volume<byte> labels, Func<byte, bool> inRegion, int k = 1, Connectivity connectivity = Connectivity.Six)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return Filter(labels, inRegion, mask => ComponentFilters.KeepLargest(mask, k, connectivity));
    }

    /// <summary>Removes the region's components smaller than <paramref name="minimumVoxels"/>.</summary>
    public static Volume<byte> RemoveSmall(Volume<byte> labels, Func<byte, bool> inRegion, long minimumVoxels, Connectivity connectivity = Connectivity.Six) =>
        Filter(labels, inRegion, mask => ComponentFilters.RemoveSmall(mask, minimumVoxels, connectivity));

    private static Volume<byte> Filter(Volume<byte> labels, Func<byte, bool> inRegion, Func<Volume<byte>, Volume<byte>> filter)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(inRegion);
        var data = labels.Data;
        var mask = new byte[data.Length];
        for (var i = 0; i < data.Length; i++)
            mask[i] = inRegion(data[i]) ? (byte)1 : (byte)0;
        var kept = filter(new Volume<byte>(labels.Geometry, mask)).Data;
        var result = (byte[])data.Clone();
        for (var i = 0; i < result.Length; i++)
            if (mask[i] != 0 && kept[i] == 0)
                result[i] = 0;
        return new Volume<byte>(labels.Geometry, result);
    }
}
