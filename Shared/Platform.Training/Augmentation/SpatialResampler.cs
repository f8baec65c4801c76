using Platform.Imaging.Volumes;

namespace Platform.Training.Augmentation;

/// <summary>
/// Applies a <see cref="SpatialTransform"/> in one pass over the output patch: for each output voxel the source
/// position is computed once (incrementally along x) and used for every image channel (trilinear) and the label
/// (nearest). Source voxels outside the given source block count as padding: image 0, label <c>padLabel</c>. No
/// allocation, no virtual call in the loop.
/// </summary>
public static class SpatialResampler
{
    /// <summary>
    /// Fills <paramref name="image"/> (channels × <paramref name="patch"/>, channel-major, x fastest) and
    /// <paramref name="label"/> (<paramref name="patch"/>) from the source block (same layouts, <paramref name="sourceSize"/>).
    /// Output voxel o reads source position <c>origin + M·o</c>, in source-block voxel coordinates.
    /// </summary>
    public static void Resample(
        ReadOnlySpan<float> sourceImage, ReadOnlySpan<byte> sourceLabel, Shape3 sourceSize, int channels,
        Span<float> image, Span<byte> label, Shape3 patch,
        SpatialTransform transform, (double X, double Y, double Z) origin, byte padLabel)
    {
        var sourceVoxels = (int)sourceSize.VoxelCount;
        var patchVoxels = (int)patch.VoxelCount;
        if (channels < 1)
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "At least one channel is needed.");
        if (sourceImage.Length < channels * sourceVoxels || sourceLabel.Length < sourceVoxels)
            throw new ArgumentException($"The source holds {sourceImage.Length} floats and {sourceLabel.Length} labels; {channels} channel(s) of {sourceSize} need more.");
        if (image.Length < channels * patchVoxels || label.Length < patchVoxels)
            throw new ArgumentException($"The destination holds {image.Length} floats and {label.Length} labels; {channels} channel(s) of {patch} need more.");

        int nx = sourceSize.X, ny = sourceSize.Y, nz = sourceSize.Z;
        var strideY = nx;
        var strideZ = nx * ny;
        var t = transform;
        var output = 0;
        for (var oz = 0; oz < patch.Z; oz++)
        {
            for (var oy = 0; oy < patch.Y; oy++)
            {
                // Source position of (0, oy, oz); each step along x adds the matrix's first column.
                var rowX = origin.X + (t.M01 * oy) + (t.M02 * oz);
                var rowY = origin.Y + (t.M11 * oy) + (t.M12 * oz);
                var rowZ = origin.Z + (t.M21 * oy) + (t.M22 * oz);
                for (var ox = 0; ox < patch.X; ox++, output++)
                {
                    var sx = rowX + (t.M00 * ox);
                    var sy = rowY + (t.M10 * ox);
                    var sz = rowZ + (t.M20 * ox);

                    // Nearest label: round half up, the same voxel for every channel-free lookup.
                    var lx = (int)Math.Floor(sx + 0.5);
                    var ly = (int)Math.Floor(sy + 0.5);
                    var lz = (int)Math.Floor(sz + 0.5);
                    label[output] = (uint)lx < (uint)nx && (uint)ly < (uint)ny && (uint)lz < (uint)nz
                        ? sourceLabel[lx + (strideY * ly) + (strideZ * lz)]
                        : padLabel;

                    var fx = Math.Floor(sx);
                    var fy = Math.Floor(sy);
                    var fz = Math.Floor(sz);
                    // Positions far outside would overflow an int; they are padding anyway.
                    if (fx < -1 || fy < -1 || fz < -1 || fx >= nx || fy >= ny || fz >= nz)
                    {
                        for (var c = 0; c < channels; c++)
                            image[(c * patchVoxels) + output] = 0f;
                        continue;
                    }
                    int ix = (int)fx, iy = (int)fy, iz = (int)fz;
                    var wx = (float)(sx - fx);
                    var wy = (float)(sy - fy);
                    var wz = (float)(sz - fz);
                    var baseIndex = ix + (strideY * iy) + (strideZ * iz);
                    if (ix >= 0 && iy >= 0 && iz >= 0 && ix < nx - 1 && iy < ny - 1 && iz < nz - 1)
                    {
                        for (var c = 0; c < channels; c++)
                        {
                            var s = sourceImage.Slice(c * sourceVoxels);
                            var c00 = Lerp(s[baseIndex], s[baseIndex + 1], wx);
                            var c10 = Lerp(s[baseIndex + strideY], s[baseIndex + strideY + 1], wx);
                            var c01 = Lerp(s[baseIndex + strideZ], s[baseIndex + strideZ + 1], wx);
                            var c11 = Lerp(s[baseIndex + strideZ + strideY], s[baseIndex + strideZ + strideY + 1], wx);
                            image[(c * patchVoxels) + output] = Lerp(Lerp(c00, c10, wy), Lerp(c01, c11, wy), wz);
                        }
                    }
                    else
                    {
                        // At the block's border: neighbours outside it are padding (0).
                        var inX0 = ix >= 0;
                        var inX1 = ix + 1 < nx;
                        var inY0 = iy >= 0;
                        var inY1 = iy + 1 < ny;
                        var inZ0 = iz >= 0;
                        var inZ1 = iz + 1 < nz;
                        for (var c = 0; c < channels; c++)
                        {
                            var s = sourceImage.Slice(c * sourceVoxels);
                            var c00 = Lerp(At(s, baseIndex, inX0 && inY0 && inZ0), At(s, baseIndex + 1, inX1 && inY0 && inZ0), wx);
                            var c10 = Lerp(At(s, baseIndex + strideY, inX0 && inY1 && inZ0), At(s, baseIndex + strideY + 1, inX1 && inY1 && inZ0), wx);
                            var c01 = Lerp(At(s, baseIndex + strideZ, inX0 && inY0 && inZ1), At(s, baseIndex + strideZ + 1, inX1 && inY0 && inZ1), wx);
                            var c11 = Lerp(At(s, baseIndex + strideZ + strideY, inX0 && inY1 && inZ1), At(s, baseIndex + strideZ + strideY + 1, inX1 && inY1 && inZ1), wx);
                            image[(c * patchVoxels) + output] = Lerp(Lerp(c00, c10, wy), Lerp(c01, c11, wy), wz);
                        }
                    }
                }
            }
        }
    }

    // (1 - w)·a + w·b rather than a + w·(b - a): exact when w is 0 or 1, so integer positions copy voxels exactly.
    private static float Lerp(float a, float b, float w) => ((1f - w) * a) + (w * b);

    private static float At(ReadOnlySpan<float> source, int index, bool inside) => inside ? source[index] : 0f;
}
