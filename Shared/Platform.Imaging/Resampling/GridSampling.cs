using Platform.Imaging.Volumes;

namespace Platform.Imaging.Resampling;

/// <summary>
/// The voxel loops of reference-grid resampling, parallel over target z planes and allocation-free per voxel.
/// Axis-aligned mappings (identity, permutations, flips, crops, pure scaling) read precomputed per-axis
/// <see cref="AxisTable"/>s; oblique ones compute each source position from the mapping, incrementally
/// along x.
/// </summary>
internal static class GridSampling
{
    public static TOut[] Nearest<TOut>(TOut[] src, Shape3 source, Shape3 target, GridMapping mapping, TOut outside)
    {
        var dst = new TOut[target.VoxelCount];
        if (Tables(source, target, mapping) is { } t)
        {
            Parallel.For(0, target.Z, z =>
            {
                for (var y = 0; y < target.Y; y++)
                {
                    var row = dst.AsSpan(RowStart(target, y, z), target.X);
                    if (!t[2].Inside[z] || !t[1].Inside[y])
                    {
                        row.Fill(outside);
                        continue;
                    }

                    var yz = t[2].Near[z] + t[1].Near[y];
                    for (var x = 0; x < row.Length; x++)
                        row[x] = t[0].Inside[x] ? src[yz + t[0].Near[x]] : outside;
                }
            });
            return dst;
        }

        var (sx, sxy) = (source.X, source.X * source.Y);
        var m = mapping.Matrix;
        Parallel.For(0, target.Z, z =>
        {
            for (var y = 0; y < target.Y; y++)
            {
                var row = dst.AsSpan(RowStart(target, y, z), target.X);
                var b = mapping.SourceIndexOf(0, y, z);
                for (var x = 0; x < row.Length; x++)
                {
                    double px = b.X + (x * m.M00), py = b.Y + (x * m.M10), pz = b.Z + (x * m.M20);
                    row[x] = SourcePoint.IsInside(px, source.X) && SourcePoint.IsInside(py, source.Y) && SourcePoint.IsInside(pz, source.Z)
                        ? src[SourcePoint.Nearest(px, source.X) + (SourcePoint.Nearest(py, source.Y) * sx) + (SourcePoint.Nearest(pz, source.Z) * sxy)]
                        : outside;
                }
            }
        });
        return dst;
    }

    public static TOut[] Linear<TIn, TOut, TBlend>(TIn[] src, Shape3 source, Shape3 target, GridMapping mapping, TOut outside)
        where TBlend : struct, ICornerBlend<TIn, TOut>
    {
        var dst = new TOut[target.VoxelCount];
        if (Tables(source, target, mapping) is { } t)
        {
            Parallel.For(0, target.Z, z =>
            {
                for (var y = 0; y < target.Y; y++)
                {
                    var row = dst.AsSpan(RowStart(target, y, z), target.X);
                    if (!t[2].Inside[z] || !t[1].Inside[y])
                    {
                        row.Fill(outside);
                        continue;
                    }

                    var (ty, tz) = (t[1], t[2]);
                    var tx = t[0];
                    for (var x = 0; x < row.Length; x++)
                    {
                        row[x] = tx.Inside[x]
                            ? TBlend.Blend(src, tx.Lower[x], tx.Upper[x], ty.Lower[y], ty.Upper[y], tz.Lower[z], tz.Upper[z], tx.Weight[x], ty.Weight[y], tz.Weight[z])
                            : outside;
                    }
                }
            });
            return dst;
        }

        var (sx, sxy) = (source.X, source.X * source.Y);
        var m = mapping.Matrix;
        Parallel.For(0, target.Z, z =>
        {
            for (var y = 0; y < target.Y; y++)
            {
                var row = dst.AsSpan(RowStart(target, y, z), target.X);
                var b = mapping.SourceIndexOf(0, y, z);
                for (var x = 0; x < row.Length; x++)
                {
                    double px = b.X + (x * m.M00), py = b.Y + (x * m.M10), pz = b.Z + (x * m.M20);
                    if (!SourcePoint.IsInside(px, source.X) || !SourcePoint.IsInside(py, source.Y) || !SourcePoint.IsInside(pz, source.Z))
                    {
                        row[x] = outside;
                        continue;
                    }

                    var x0 = SourcePoint.Lower(px, source.X, out var wx);
                    var y0 = SourcePoint.Lower(py, source.Y, out var wy);
                    var z0 = SourcePoint.Lower(pz, source.Z, out var wz);
                    row[x] = TBlend.Blend(
                        src,
                        x0, Math.Min(x0 + 1, source.X - 1),
                        y0 * sx, Math.Min(y0 + 1, source.Y - 1) * sx,
                        z0 * sxy, Math.Min(z0 + 1, source.Z - 1) * sxy,
                        wx, wy, wz);
                }
            }
        });
        return dst;
    }

    /// <summary>Per-target-axis tables when the mapping is axis-aligned, otherwise null.</summary>
    private static AxisTable[]? Tables(Shape3 source, Shape3 target, GridMapping mapping)
    {
        if (mapping.AlignedAxes(target) is not { } axes)
            return null;
        int[] strides = [1, source.X, source.X * source.Y];
        var tables = new AxisTable[3];
        for (var t = 0; t < 3; t++)
        {
            var s = axes[t];
            tables[t] = AxisTable.Create(target[t], mapping.Matrix[s, t], mapping.Offset[s], source[s], strides[s]);
        }

        return tables;
    }

    private static int RowStart(Shape3 shape, int y, int z) => (int)((((long)z * shape.Y) + y) * shape.X);
}
