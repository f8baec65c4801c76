using Platform.Imaging.Volumes;

namespace Platform.Training.Data;

/// <summary>Sets the voxels of a patch that lie outside its case to a pad value (the reader pads with 0).</summary>
internal static class PatchPadding
{
    public static void FillOutside(Span<byte> patch, Shape3 size, VoxelIndex start, Shape3 caseShape, byte value)
    {
        var x0 = Math.Clamp(-start.X, 0, size.X);
        var x1 = Math.Clamp(caseShape.X - start.X, x0, size.X);
        var row = 0;
        for (var z = 0; z < size.Z; z++)
        {
            var zInside = (uint)(start.Z + z) < (uint)caseShape.Z;
            for (var y = 0; y < size.Y; y++, row += size.X)
            {
                var line = patch.Slice(row, size.X);
                if (!zInside || (uint)(start.Y + y) >= (uint)caseShape.Y)
                {
                    line.Fill(value);
                    continue;
                }
                line[..x0].Fill(value);
                line[x1..].Fill(value);
            }
        }
    }
}
