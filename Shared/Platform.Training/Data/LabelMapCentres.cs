using System.Buffers;
using Platform.Imaging.Volumes;

namespace Platform.Training.Data;

/// <summary>
/// Foreground centres found in a case's label map itself, for loaders that hold no stored locations (FRAN's
/// <c>use_fg_indices = False</c>, where MONAI computes the indices from the label on every load). Every voxel of the
/// class is equally likely, not only the capped sample preprocessing stored. Memory: one z slice at a time.
/// </summary>
internal static class LabelMapCentres
{
    /// <summary>
    /// A uniformly drawn voxel of <paramref name="label"/> in the stored (not remapped) label map, or null when the map
    /// holds none. Two passes: count, then find the drawn occurrence.
    /// </summary>
    public static VoxelIndex? Draw(ITrainingCase trainingCase, int label, BatchRandom random)
    {
        var shape = trainingCase.Shape;
        var slice = new Shape3(shape.X, shape.Y, 1);
        var plane = shape.X * shape.Y;
        var value = (byte)label;
        var rented = ArrayPool<byte>.Shared.Rent(plane);
        try
        {
            var buffer = rented.AsSpan(0, plane);
            long count = 0;
            for (var z = 0; z < shape.Z; z++)
            {
                trainingCase.ReadLabelPatch(buffer, new VoxelIndex(0, 0, z), slice);
                count += buffer.Count(value);
            }
            if (count == 0)
                return null;
            // Beyond 2^31 voxels of one class the draw covers the first 2^31 of them: more than any patch needs.
            var target = random.NextInt((int)Math.Min(count, int.MaxValue));
            for (var z = 0; z < shape.Z; z++)
            {
                trainingCase.ReadLabelPatch(buffer, new VoxelIndex(0, 0, z), slice);
                var inSlice = buffer.Count(value);
                if (target >= inSlice)
                {
                    target -= inSlice;
                    continue;
                }
                for (var i = 0; ; i++)
                {
                    if (buffer[i] == value && target-- == 0)
                        return new VoxelIndex(i % shape.X, i / shape.X, z);
                }
            }
            throw new InvalidOperationException($"Case '{trainingCase.CaseId}' changed its label map while a centre was drawn.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
