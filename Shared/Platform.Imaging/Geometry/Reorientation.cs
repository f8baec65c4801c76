using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Geometry;

/// <summary>
/// Exact reorientation: voxels are permuted and flipped, never interpolated, and the geometry is rewritten
/// so every voxel keeps its world position. Reorienting back to the original code restores the volume.
/// </summary>
public static class Reorientation
{
    /// <summary>How target axes come from source axes: <c>Source[t]</c> and whether it runs backwards.</summary>
    public readonly record struct AxisMap(int[] Source, bool[] Flip);

    public static AxisMap Plan(VolumeGeometry geometry, string targetCode)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var target = Orientation.Normalize(targetCode);
        var current = Orientation.CodeOf(geometry);
        var source = new int[3];
        var flip = new bool[3];
        for (var t = 0; t < 3; t++)
        {
            var world = Orientation.WorldAxisOf(target[t]);
            var s = current.IndexOf(current.First(c => Orientation.WorldAxisOf(c) == world));
            source[t] = s;
            flip[t] = Orientation.IsPositive(current[s]) != Orientation.IsPositive(target[t]);
        }

        return new AxisMap(source, flip);
    }

    public static Volume<T> To<T>(Volume<T> volume, string targetCode) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(volume);
        return Apply(volume, Plan(volume.Geometry, targetCode));
    }

    public static Volume<T> Apply<T>(Volume<T> volume, AxisMap map) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(volume);
        var old = volume.Geometry;
        var geometry = ApplyToGeometry(old, map);
        var shape = geometry.Shape;
        long[] oldStrides = [1, old.Shape.X, (long)old.Shape.X * old.Shape.Y];
        var stride = new long[3];
        long start = 0;
        for (var t = 0; t < 3; t++)
        {
            var s = map.Source[t];
            stride[t] = map.Flip[t] ? -oldStrides[s] : oldStrides[s];
            if (map.Flip[t])
                start += (old.Shape[s] - 1) * oldStrides[s];
        }

        var src = volume.Data;
        var dst = new T[src.Length];
        Parallel.For(0, shape.Z, z =>
        {
            var o = (long)shape.X * shape.Y * z;
            for (var y = 0; y < shape.Y; y++)
            {
                var s = start + (z * stride[2]) + (y * stride[1]);
                for (var x = 0; x < shape.X; x++, s += stride[0])
                    dst[o++] = src[s];
            }
        });
        return new Volume<T>(geometry, dst);
    }

    public static VolumeGeometry ApplyToGeometry(VolumeGeometry old, AxisMap map)
    {
        ArgumentNullException.ThrowIfNull(old);
        var sizes = new int[3];
        var spacing = new double[3];
        var columns = new Vector3D[3];
        var firstVoxel = new double[3];
        for (var t = 0; t < 3; t++)
        {
            var s = map.Source[t];
            sizes[t] = old.Shape[s];
            spacing[t] = old.Spacing[s];
            columns[t] = map.Flip[t] ? -old.Direction.Column(s) : old.Direction.Column(s);
            firstVoxel[s] = map.Flip[t] ? old.Shape[s] - 1 : 0;
        }

        return new VolumeGeometry(
            new Shape3(sizes[0], sizes[1], sizes[2]),
            new Vector3D(spacing[0], spacing[1], spacing[2]),
            old.IndexToWorld(firstVoxel[0], firstVoxel[1], firstVoxel[2]),
            Matrix3.FromColumns(columns[0], columns[1], columns[2]));
    }
}
