using System.Numerics;
using System.Runtime.InteropServices;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO;

/// <summary>
/// Turns the voxel bytes of one channel into a volume: reads straight into the final array (no staging
/// copy), swaps byte order, applies the file's intensity scaling and the caller's NaN/Inf policy.
/// </summary>
internal static class VoxelBlockReader
{
    /// <summary>Reads one channel stored as <paramref name="stored"/> from <paramref name="stream"/>.</summary>
    public static IVolume ReadChannel(
        Stream stream, VoxelType stored, bool fileIsLittleEndian, VolumeGeometry geometry,
        IntensityScaling scaling, ReadOptions options, string path, int channel) =>
        VoxelTypeDispatch.Dispatch(stored, new ChannelRead(stream, fileIsLittleEndian, geometry, scaling, options, path, channel));

    /// <summary>Reads <paramref name="count"/> elements of type T, in machine byte order.</summary>
    public static T[] ReadArray<T>(Stream stream, long count, bool fileIsLittleEndian, string path) where T : unmanaged
    {
        var data = new T[count];
        var bytes = MemoryMarshal.AsBytes(data.AsSpan());
        var got = ImageInput.ReadAtMost(stream, bytes, path);
        if (got < bytes.Length)
            throw new TruncatedFileException(path, $"voxel data ends after {got} of {bytes.Length} bytes");
        if (fileIsLittleEndian != BitConverter.IsLittleEndian)
            ByteOrder.Reverse(bytes, Marshal.SizeOf<T>());
        return data;
    }

    /// <summary>Applies scaling and the NaN policy to raw stored values.</summary>
    public static IVolume Finish<T>(T[] raw, VolumeGeometry geometry, IntensityScaling scaling, ReadOptions options, string path, int channel)
        where T : unmanaged, INumber<T>
    {
        if (scaling.IsIdentity)
        {
            ApplyNonFinite(raw, options.NonFinite, geometry.Shape, path, channel);
            return new Volume<T>(geometry, raw);
        }

        if (options.ScaledType == VoxelType.Float64)
        {
            var scaled = Scale<T, double>(raw, scaling);
            ApplyNonFinite(scaled, options.NonFinite, geometry.Shape, path, channel);
            return new Volume<double>(geometry, scaled);
        }

        var single = Scale<T, float>(raw, scaling);
        ApplyNonFinite(single, options.NonFinite, geometry.Shape, path, channel);
        return new Volume<float>(geometry, single);
    }

    private static TOut[] Scale<T, TOut>(T[] raw, IntensityScaling scaling)
        where T : unmanaged, INumber<T>
        where TOut : unmanaged, INumber<TOut>
    {
        var result = new TOut[raw.Length];
        var (slope, intercept) = (scaling.Slope, scaling.Intercept);
        const int chunk = 1 << 20;
        var chunks = (raw.Length + chunk - 1) / chunk;
        Parallel.For(0, chunks, c =>
        {
            var end = Math.Min(raw.Length, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
                result[i] = TOut.CreateTruncating((double.CreateTruncating(raw[i]) * slope) + intercept);
        });
        return result;
    }

    public static void ApplyNonFinite<T>(T[] data, NonFinitePolicy policy, Shape3 shape, string path, int channel)
        where T : unmanaged, INumber<T>
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            return;
        if (policy.Action == NonFiniteAction.Keep)
            return;
        var replacement = T.CreateTruncating(policy.Replacement);
        for (var i = 0; i < data.Length; i++)
        {
            if (T.IsFinite(data[i]))
                continue;
            if (policy.Action == NonFiniteAction.Reject)
            {
                var x = i % shape.X;
                var y = i / shape.X % shape.Y;
                var z = i / shape.X / shape.Y;
                throw new NonFiniteVoxelException(path, $"voxel ({x}, {y}, {z}) of channel {channel} is {data[i]}; read with NonFinitePolicy.Keep or ReplaceWith(value) to accept it");
            }

            data[i] = replacement;
        }
    }

    private sealed class ChannelRead(
        Stream stream, bool littleEndian, VolumeGeometry geometry, IntensityScaling scaling, ReadOptions options, string path, int channel)
        : IVoxelTypeFunc<IVolume>
    {
        public IVolume Invoke<T>() where T : unmanaged, INumber<T> =>
            Finish(ReadArray<T>(stream, geometry.Shape.VoxelCount, littleEndian, path), geometry, scaling, options, path, channel);
    }
}
