using Platform.Imaging.Labels;

namespace Platform.Imaging.Metrics;

/// <summary>
/// One pass over the voxels that gathers, per reference lesion (a component of the possibly dilated reference):
/// its reference voxels, how many of them are predicted, and which predicted components meet its region.
/// Every predicted voxel inside the lesion belongs to a candidate, so the overlap with the candidates' union is
/// simply the lesion's predicted voxels. Index 0 of each array is unused (background).
/// </summary>
internal sealed record LesionTally(int Count, long[] Voxels, long[] Overlap, HashSet<int>[] Candidates)
{
    public static LesionTally Gather(ComponentMap regions, ComponentMap predicted, bool[] referenceMask, bool[] predictionMask)
    {
        var n = regions.Count;
        var voxels = new long[n + 1];
        var overlap = new long[n + 1];
        var candidates = new HashSet<int>[n + 1];
        for (var i = 0; i <= n; i++)
            candidates[i] = [];
        for (var i = 0; i < referenceMask.Length; i++)
        {
            var region = regions.Ids[i];
            if (region == 0)
                continue;
            var component = predicted.Ids[i];
            if (component != 0)
                candidates[region].Add(component);
            if (!referenceMask[i])
                continue;
            voxels[region]++;
            if (predictionMask[i])
                overlap[region]++;
        }

        return new LesionTally(n, voxels, overlap, candidates);
    }
}
