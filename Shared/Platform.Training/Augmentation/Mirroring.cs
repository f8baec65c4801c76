using Platform.Imaging.Volumes;

namespace Platform.Training.Augmentation;

/// <summary>Flips a patch (x fastest) along x, y and/or z in place. Flipping twice along the same axes restores it.</summary>
public static class Mirroring
{
    public static void Flip<T>(Span<T> patch, Shape3 size, bool x, bool y, bool z)
    {
        var voxels = (int)size.VoxelCount;
        if (patch.Length < voxels)
            throw new ArgumentException($"The patch holds {patch.Length} voxels; {size} needs {voxels}.", nameof(patch));
        int row = size.X, plane = size.X * size.Y;
        if (x)
        {
            for (var start = 0; start < voxels; start += row)
                patch.Slice(start, row).Reverse();
        }
        if (y)
        {
            for (var zi = 0; zi < size.Z; zi++)
            {
                var planeSpan = patch.Slice(zi * plane, plane);
                for (int lo = 0, hi = size.Y - 1; lo < hi; lo++, hi--)
                    Swap(planeSpan.Slice(lo * row, row), planeSpan.Slice(hi * row, row));
            }
        }
        if (z)
        {
            for (int lo = 0, hi = size.Z - 1; lo < hi; lo++, hi--)
                Swap(patch.Slice(lo * plane, plane), patch.Slice(hi * plane, plane));
        }
    }

    private static void Swap<T>(Span<T> a, Span<T> b)
    {
        for (var i = 0; i < a.Length; i++)
            (a[i], b[i]) = (b[i], a[i]);
    }
}
