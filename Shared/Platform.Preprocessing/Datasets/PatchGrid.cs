using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Datasets;

/// <summary>
/// Grid patch starts along an axis, nnU-Net's sliding-window rule: with target step = patch · (1 − overlap),
/// n = ⌈(extent − patch) / step⌉ + 1 patches spread evenly from 0 to extent − patch (rounded), so the first patch
/// starts at the edge, the last ends flush with the other edge, and neighbours overlap by at least
/// <c>overlap</c>. An axis no longer than the patch gets one patch at 0, clipped to the extent.
/// </summary>
public static class PatchGrid
{
    public static IReadOnlyList<int> Starts(int extent, int patch, double overlap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(extent, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(patch, 1);
        if (!(overlap >= 0 && overlap < 1))
            throw new ArgumentOutOfRangeException(nameof(overlap), overlap, "Patch overlap must be in [0, 1).");
        if (extent <= patch)
            return [0];
        var step = Math.Max(1, patch * (1 - overlap));
        var count = (int)Math.Ceiling(((extent - patch) / step) - 1e-9) + 1;
        var actual = (double)(extent - patch) / (count - 1);
        return Enumerable.Range(0, count).Select(i => (int)Math.Round(i * actual, MidpointRounding.AwayFromZero)).ToArray();
    }

    /// <summary>All patch starts (x fastest, then y, then z) of a grid of <paramref name="shape"/>.</summary>
    public static IReadOnlyList<VoxelIndex> Starts(Shape3 shape, Shape3 patch, double overlap)
    {
        var xs = Starts(shape.X, patch.X, overlap);
        var ys = Starts(shape.Y, patch.Y, overlap);
        var zs = Starts(shape.Z, patch.Z, overlap);
        return [.. from z in zs from y in ys from x in xs select new VoxelIndex(x, y, z)];
    }
}
