using System.Numerics;
using Platform.Imaging.Geometry;
using Platform.Imaging.Labels;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Cases;

/// <summary>The crop boxes of the modes, in reoriented voxel indices (half-open).</summary>
public static class CaseCropping
{
    /// <summary>
    /// The union of the channels' nonzero boxes: nnU-Net keeps a voxel row if any channel is nonzero there.
    /// Null when every channel is all zero.
    /// </summary>
    public static Box3? NonzeroUnion(IReadOnlyList<Volume<float>> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        Box3? union = null;
        foreach (var channel in channels)
            if (Cropping.NonzeroBox(channel) is { } box)
                union = union is { } u ? u.Union(box) : box;
        return union;
    }

    /// <summary>
    /// The bounding box of the voxels whose label stays foreground after <paramref name="remap"/> (so labels
    /// remapped to background do not steer the crop). Null when there is no such voxel.
    /// </summary>
    public static Box3? ForegroundBox<T>(Volume<T> labels, LabelRemap? remap) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(labels);
        Box3? union = null;
        foreach (var (label, box) in LabelBoxes.Of(labels))
        {
            var mapped = remap is null ? label : remap.Map.TryGetValue(label, out var m) ? m : remap.UnmappedTo ?? label;
            if (label != 0 && mapped != 0)
                union = union is { } u ? u.Union(box) : box;
        }

        return union;
    }

    /// <summary>
    /// FRAN's lbd box: the foreground box plus ⌈expand_by / spacing⌉ voxels per side (clamped to the image),
    /// then grown symmetrically (odd extra voxel after) to at least the patch's physical extent
    /// (⌈patch · targetSpacing / spacing⌉ voxels), shifted back inside the image and clamped to it, so the
    /// resampled crop holds at least one patch whenever the image does.
    /// </summary>
    public static Box3 Lbd(Box3 foreground, Shape3 image, Vector3D spacing, double expandByMm, Shape3 patch, Vector3D targetSpacing)
    {
        var min = new int[3];
        var max = new int[3];
        for (var a = 0; a < 3; a++)
        {
            // The small tolerance keeps 3 mm / 1 mm from becoming 4 voxels through rounding noise.
            var margin = (int)Math.Ceiling((expandByMm / spacing[a]) - 1e-9);
            var lo = Math.Max(0, foreground.Min(a) - margin);
            var hi = Math.Min(image[a], foreground.Max(a) + margin);
            var minimum = (int)Math.Ceiling((patch[a] * targetSpacing[a] / spacing[a]) - 1e-9);
            if (hi - lo < minimum)
            {
                var extra = minimum - (hi - lo);
                lo -= extra / 2;
                hi += extra - (extra / 2);
            }

            if (lo < 0)
                (lo, hi) = (0, hi - lo);
            if (hi > image[a])
                (lo, hi) = (lo - (hi - image[a]), image[a]);
            min[a] = Math.Max(0, lo);
            max[a] = hi;
        }

        return new Box3(min[0], min[1], min[2], max[0], max[1], max[2]);
    }
}
