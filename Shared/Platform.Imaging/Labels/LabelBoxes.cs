using System.Numerics;
using Platform.Imaging.Geometry;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.Labels;

/// <summary>Bounding boxes of each non-zero label (Max exclusive).</summary>
public static class LabelBoxes
{
    public static IReadOnlyDictionary<int, Box3> Of<T>(Volume<T> labels) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(labels);
        var boxes = new Dictionary<int, Box3>();
        var s = labels.Shape;
        for (var z = 0; z < s.Z; z++)
            for (var y = 0; y < s.Y; y++)
            {
                var row = labels.IndexOf(0, y, z);
                for (var x = 0; x < s.X; x++)
                {
                    var value = labels.Data[row + x];
                    if (value == T.Zero)
                        continue;
                    var label = int.CreateTruncating(value);
                    var voxel = new Box3(x, y, z, x + 1, y + 1, z + 1);
                    boxes[label] = boxes.TryGetValue(label, out var box) ? box.Union(voxel) : voxel;
                }
            }

        return boxes;
    }
}
