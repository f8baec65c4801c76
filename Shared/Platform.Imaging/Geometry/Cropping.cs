using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Geometry;

/// <summary>
/// Crop, pad and crop-or-pad as one operation: copy a box of voxels (which may reach outside the volume,
/// filled with a constant) and move the origin to the box's first voxel, so world positions are kept.
/// </summary>
public static class Cropping
{
    /// <summary>The smallest box holding every non-zero voxel, or null when all voxels are zero.</summary>
    public static Box3? NonzeroBox<T>(Volume<T> volume) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(volume);
        var s = volume.Shape;
        var boxes = new Box3?[s.Z];
        Parallel.For(0, s.Z, z =>
        {
            Box3? box = null;
            for (var y = 0; y < s.Y; y++)
            {
                var row = volume.Data.AsSpan(volume.IndexOf(0, y, z), s.X);
                var first = row.IndexOfAnyExcept(T.Zero);
                if (first < 0)
                    continue;
                var last = row.LastIndexOfAnyExcept(T.Zero);
                var rowBox = new Box3(first, y, z, last + 1, y + 1, z + 1);
                box = box is { } b ? b.Union(rowBox) : rowBox;
            }

            boxes[z] = box;
        });
        Box3? result = null;
        foreach (var box in boxes)
            if (box is { } b)
                result = result is { } r ? r.Union(b) : b;
        return result;
    }

    /// <summary>
    /// Voxels inside <paramref name="box"/>; parts of the box outside the volume get <paramref name="fill"/>.
    /// The result's origin is the world position of the box's first voxel.
    /// </summary>
    public static Volume<T> Extract<T>(Volume<T> volume, Box3 box, T fill = default) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (box.IsEmpty)
            throw new ArgumentException($"Box {box} is empty.", nameof(box));
        var old = volume.Geometry;
        var geometry = new VolumeGeometry(box.Size, old.Spacing, old.IndexToWorld(box.MinX, box.MinY, box.MinZ), old.Direction);
        var result = new Volume<T>(geometry);
        if (fill != T.Zero)
            result.Data.AsSpan().Fill(fill);
        var inside = box.Intersect(Box3.Of(old.Shape));
        if (inside.IsEmpty)
            return result;
        var width = inside.MaxX - inside.MinX;
        Parallel.For(inside.MinZ, inside.MaxZ, z =>
        {
            for (var y = inside.MinY; y < inside.MaxY; y++)
            {
                var from = volume.Data.AsSpan(volume.IndexOf(inside.MinX, y, z), width);
                var to = result.Data.AsSpan(result.IndexOf(inside.MinX - box.MinX, y - box.MinY, z - box.MinZ), width);
                from.CopyTo(to);
            }
        });
        return result;
    }

    public static Volume<T> Crop<T>(Volume<T> volume, Box3 box) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(volume);
        var inside = box.Intersect(Box3.Of(volume.Shape));
        if (inside != box)
            throw new ArgumentException($"Crop box {box} reaches outside the volume {volume.Shape}; use Extract to pad.", nameof(box));
        return Extract(volume, box);
    }

    /// <summary>Adds <paramref name="before"/> voxels in front of and <paramref name="after"/> behind each axis.</summary>
    public static Volume<T> Pad<T>(Volume<T> volume, Shape3 before, Shape3 after, T fill = default) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(volume);
        var s = volume.Shape;
        return Extract(volume, new Box3(-before.X, -before.Y, -before.Z, s.X + after.X, s.Y + after.Y, s.Z + after.Z), fill);
    }

    /// <summary>
    /// The centred box of <paramref name="target"/> size: crops axes that are larger, pads axes that are
    /// smaller. An odd difference puts the smaller half in front (as numpy's <c>diff // 2</c> does).
    /// </summary>
    public static Box3 CentredBox(Shape3 shape, Shape3 target)
    {
        // Integer division truncates towards zero: floor(d/2) removed in front when cropping, floor(d/2) added when padding.
        var x = (shape.X - target.X) / 2;
        var y = (shape.Y - target.Y) / 2;
        var z = (shape.Z - target.Z) / 2;
        return new Box3(x, y, z, x + target.X, y + target.Y, z + target.Z);
    }

    public static Volume<T> CropOrPad<T>(Volume<T> volume, Shape3 target, T fill = default) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(volume);
        return Extract(volume, CentredBox(volume.Shape, target), fill);
    }
}
