using Platform.Imaging.Volumes;

namespace Platform.Training.Augmentation;

/// <summary>
/// Applies a <see cref="SpatialTransform"/> in one pass over the output patch: for each output voxel the source
/// position is computed once (incrementally along x) and used for every image channel (trilinear) and the label.
/// The label is interpolated as nnU-Net's augmentation does (batchgeneratorsv2's SpatialTransform, mode_seg
/// 'bilinear'): each label's one-hot mask trilinearly, then the label of largest weight (the lowest on a tie). Why not
/// nearest: nearest moves a boundary by up to half a voxel against the trilinearly sampled image, which a large organ
/// hardly notices but a lesion of twenty voxels does (its label drifts off the dark spot it marks). Source voxels
/// outside the given source block count as padding: image 0, label <c>padLabel</c>. No allocation, no virtual call
/// in the loop.
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

                    var fx = Math.Floor(sx);
                    var fy = Math.Floor(sy);
                    var fz = Math.Floor(sz);
                    // Positions far outside would overflow an int; they are padding anyway.
                    if (fx < -1 || fy < -1 || fz < -1 || fx >= nx || fy >= ny || fz >= nz)
                    {
                        for (var c = 0; c < channels; c++)
                            image[(c * patchVoxels) + output] = 0f;
                        label[output] = padLabel;
                        continue;
                    }
                    int ix = (int)fx, iy = (int)fy, iz = (int)fz;
                    var wx = (float)(sx - fx);
                    var wy = (float)(sy - fy);
                    var wz = (float)(sz - fz);
                    label[output] = LinearLabel(sourceLabel, sourceSize, ix, iy, iz, wx, wy, wz, padLabel);
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

    /// <summary>
    /// The label of largest trilinear weight among the 8 neighbours of (ix + wx, iy + wy, iz + wz); neighbours outside
    /// the source are <paramref name="padLabel"/>. Ties go to the lowest label, as torch's argmax over labels sorted
    /// ascending does in nnU-Net.
    /// </summary>
    private static byte LinearLabel(ReadOnlySpan<byte> source, Shape3 size, int ix, int iy, int iz, float wx, float wy, float wz, byte padLabel)
    {
        Span<byte> labels = stackalloc byte[8];
        Span<float> weights = stackalloc float[8];
        var distinct = 0;
        for (var corner = 0; corner < 8; corner++)
        {
            int dx = corner & 1, dy = (corner >> 1) & 1, dz = corner >> 2;
            var weight = (dx == 0 ? 1f - wx : wx) * (dy == 0 ? 1f - wy : wy) * (dz == 0 ? 1f - wz : wz);
            if (weight == 0f)
                continue;
            int x = ix + dx, y = iy + dy, z = iz + dz;
            var value = (uint)x < (uint)size.X && (uint)y < (uint)size.Y && (uint)z < (uint)size.Z
                ? source[x + (size.X * (y + (size.Y * z)))]
                : padLabel;
            var slot = labels[..distinct].IndexOf(value);
            if (slot < 0)
            {
                slot = distinct++;
                labels[slot] = value;
                weights[slot] = 0f;
            }
            weights[slot] += weight;
        }
        var best = 0;
        for (var k = 1; k < distinct; k++)
            if (weights[k] > weights[best] || (weights[k] == weights[best] && labels[k] < labels[best]))
                best = k;
        return distinct == 0 ? padLabel : labels[best];
    }

    // (1 - w)·a + w·b rather than a + w·(b - a): exact when w is 0 or 1, so integer positions copy voxels exactly.
    private static float Lerp(float a, float b, float w) => ((1f - w) * a) + (w * b);

    private static float At(ReadOnlySpan<float> source, int index, bool inside) => inside ? source[index] : 0f;
}
