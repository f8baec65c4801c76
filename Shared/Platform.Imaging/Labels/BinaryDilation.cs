using Platform.Imaging.Volumes;

namespace Platform.Imaging.Labels;

/// <summary>
/// Binary dilation by the 3×3×3 cross that includes edge neighbours but not corners (18-neighbourhood, the
/// structure scipy calls <c>generate_binary_structure(3, 2)</c>, which BraTS 2023 uses to grow lesions),
/// repeated a number of times. Voxels outside the image stay outside.
/// </summary>
public static class BinaryDilation
{
    /// <summary>The mask grown by <paramref name="iterations"/> steps; 0 returns a copy.</summary>
    public static bool[] Dilate(bool[] mask, Shape3 shape, int iterations)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        if (mask.LongLength != shape.VoxelCount)
            throw new ArgumentException($"{mask.LongLength} voxels given for shape {shape}.", nameof(mask));
        var current = (bool[])mask.Clone();
        for (var step = 0; step < iterations; step++)
            current = Step(current, shape);
        return current;
    }

    private static bool[] Step(bool[] mask, Shape3 s)
    {
        var grown = (bool[])mask.Clone();
        var offsets = Neighbours();
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
                for (var x = 0; x < s.X; x++)
                {
                    if (!mask[x + (s.X * (y + (s.Y * z)))])
                        continue;
                    foreach (var (dx, dy, dz) in offsets)
                    {
                        int nx = x + dx, ny = y + dy, nz = z + dz;
                        if (nx >= 0 && ny >= 0 && nz >= 0 && nx < s.X && ny < s.Y && nz < s.Z)
                            grown[nx + (s.X * (ny + (s.Y * nz)))] = true;
                    }
                }

        return grown;
    }

    // Offsets with one or two non-zero steps: the 6 faces and 12 edges, no corners.
    private static (int, int, int)[] Neighbours()
    {
        var list = new List<(int, int, int)>(18);
        for (var dz = -1; dz <= 1; dz++)
            for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                {
                    var moves = Math.Abs(dx) + Math.Abs(dy) + Math.Abs(dz);
                    if (moves is 1 or 2)
                        list.Add((dx, dy, dz));
                }

        return [.. list];
    }
}
