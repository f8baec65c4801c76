using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Datasources.Statistics;

/// <summary>The intensities of one channel under a foreground mask, as float32 (the type nnU-Net computes in).</summary>
public static class ForegroundValues
{
    public static float[] Gather(IVolume image, bool[] foreground, long count)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(foreground);
        if (image.Geometry.Shape.VoxelCount != foreground.Length)
            throw new ArgumentException($"Mask of {foreground.Length} voxels for an image of shape {image.Geometry.Shape}.", nameof(foreground));
        return VoxelTypeDispatch.Dispatch(image.VoxelType, new Gatherer(image, foreground, checked((int)count)));
    }

    private sealed class Gatherer(IVolume image, bool[] foreground, int count) : IVoxelTypeFunc<float[]>
    {
        public float[] Invoke<T>() where T : unmanaged, INumber<T>
        {
            var data = ((Volume<T>)image).Data;
            var values = new float[count];
            var next = 0;
            for (var i = 0; i < data.Length; i++)
            {
                if (foreground[i])
                    values[next++] = float.CreateTruncating(data[i]);
            }

            return values;
        }
    }
}
