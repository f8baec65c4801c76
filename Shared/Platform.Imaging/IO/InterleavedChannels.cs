using System.Numerics;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO;

/// <summary>Reads voxel data whose channels are interleaved per voxel (NRRD vectors, MetaImage channels).</summary>
internal static class InterleavedChannels
{
    public static IVolume[] Read(
        Stream stream, VoxelType type, bool littleEndian, VolumeGeometry geometry, int channels, bool channelFastest,
        ReadOptions options, string path) =>
        VoxelTypeDispatch.Dispatch(type, new ReadFunc(stream, littleEndian, geometry, channels, channelFastest, options, path));

    /// <summary>The channels' voxels interleaved (channel fastest), as raw bytes.</summary>
    public static byte[] Interleave(VolumeStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return VoxelTypeDispatch.Dispatch(stack.VoxelType, new InterleaveFunc(stack));
    }

    private sealed class InterleaveFunc(VolumeStack stack) : IVoxelTypeFunc<byte[]>
    {
        public byte[] Invoke<T>() where T : unmanaged, INumber<T>
        {
            var n = stack.Count;
            var voxels = stack.Geometry.Shape.VoxelCount;
            var all = new T[voxels * n];
            for (var c = 0; c < n; c++)
            {
                var data = ((Volume<T>)stack[c]).Data;
                for (long i = 0, j = c; i < voxels; i++, j += n)
                    all[j] = data[i];
            }

            return System.Runtime.InteropServices.MemoryMarshal.AsBytes(all.AsSpan()).ToArray();
        }
    }

    private sealed class ReadFunc(
        Stream stream, bool littleEndian, VolumeGeometry geometry, int channels, bool channelFastest, ReadOptions options, string path)
        : IVoxelTypeFunc<IVolume[]>
    {
        public IVolume[] Invoke<T>() where T : unmanaged, INumber<T>
        {
            var voxels = geometry.Shape.VoxelCount;
            var result = new IVolume[channels];
            if (!channelFastest || channels == 1)
            {
                for (var c = 0; c < channels; c++)
                    result[c] = VoxelBlockReader.Finish(VoxelBlockReader.ReadArray<T>(stream, voxels, littleEndian, path), geometry, IntensityScaling.None, options, path, c);
                return result;
            }

            var all = VoxelBlockReader.ReadArray<T>(stream, voxels * channels, littleEndian, path);
            for (var c = 0; c < channels; c++)
            {
                var data = new T[voxels];
                for (long i = 0, j = c; i < voxels; i++, j += channels)
                    data[i] = all[j];
                result[c] = VoxelBlockReader.Finish(data, geometry, IntensityScaling.None, options, path, c);
            }

            return result;
        }
    }
}
