using Platform.Imaging.Geometry;
using Platform.Imaging.Volumes;

namespace Platform.DemoData.Abdomen;

/// <summary>Visits voxels with their flat index and world position, stepping along rows rather than transforming every index.</summary>
internal static class GridWalk
{
    /// <summary>Receives a voxel's flat index and world position (plain doubles: see <see cref="Blob"/> on why).</summary>
    public delegate void Visitor(int index, double x, double y, double z);

    public static void Voxels(VolumeGeometry geometry, Box3 box, Visitor visit)
    {
        var s = geometry.Shape;
        box = box.Intersect(Box3.Of(s));
        if (box.IsEmpty)
            return;
        var step = geometry.IndexToWorldMatrix.Column(0);
        for (var z = box.MinZ; z < box.MaxZ; z++)
            for (var y = box.MinY; y < box.MaxY; y++)
            {
                var row = geometry.IndexToWorld(box.MinX, y, z);
                var index = box.MinX + (s.X * (y + (s.Y * z)));
                for (var x = 0; x < box.MaxX - box.MinX; x++)
                    visit(index + x, row.X + (step.X * x), row.Y + (step.Y * x), row.Z + (step.Z * x));
            }
    }

    /// <summary>
    /// The voxels whose centres may lie within <paramref name="margin"/> mm of a world box (centre ± half-extent,
    /// half-extents may be infinite): the world box grown by the margin, mapped through the grid's inverse.
    /// </summary>
    public static Box3 Around(VolumeGeometry geometry, Vector3D centre, Vector3D halfExtent, double margin)
    {
        var toIndex = geometry.WorldToIndexMatrix;
        var c = geometry.WorldToIndex(centre);
        var s = geometry.Shape;
        int Lo(int axis, double half) => double.IsFinite(half) ? (int)Math.Max(0, Math.Floor(c[axis] - half)) : 0;
        int Hi(int axis, double half) => double.IsFinite(half) ? (int)Math.Min(s[axis], Math.Ceiling(c[axis] + half) + 1) : s[axis];
        double Half(int axis)
        {
            double sum = 0;
            for (var world = 0; world < 3; world++)
            {
                var w = Math.Abs(toIndex[axis, world]);
                if (w != 0)
                    sum += w * (halfExtent[world] + margin);
            }

            return sum;
        }

        var (hx, hy, hz) = (Half(0), Half(1), Half(2));
        return new Box3(Lo(0, hx), Lo(1, hy), Lo(2, hz), Hi(0, hx), Hi(1, hy), Hi(2, hz));
    }
}
