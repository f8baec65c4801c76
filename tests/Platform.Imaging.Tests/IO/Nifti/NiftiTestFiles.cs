using System.Runtime.InteropServices;
using Platform.Imaging.IO.Nifti;

namespace Platform.Imaging.Tests.IO.Nifti;

/// <summary>Hand-made NIfTI files: a header with exactly the fields a test wants, and raw voxels.</summary>
internal static class NiftiTestFiles
{
    public static NiftiHeader Header(short dataType, short bitPix, params long[] dims)
    {
        var h = new NiftiHeader { DataType = dataType, BitPix = bitPix, VoxOffset = 352, SclSlope = 1 };
        h.Dim[0] = dims.Length;
        for (var i = 0; i < dims.Length; i++)
            h.Dim[i + 1] = dims[i];
        return h;
    }

    public static void Write<T>(string path, NiftiHeader header, T[] data) where T : unmanaged
    {
        var bytes = NiftiHeaderCodec.Encode(header);
        using var f = File.Create(path);
        f.Write(bytes);
        f.Write(new byte[(int)header.VoxOffset - bytes.Length]);
        f.Write(MemoryMarshal.AsBytes(data.AsSpan()));
    }

    /// <summary>
    /// Rewrites a little-endian NIfTI-1 file as big-endian, field by field (offsets from nifti1.h), and
    /// swaps every voxel of <paramref name="elementSize"/> bytes.
    /// </summary>
    public static void ToBigEndian(string path, int elementSize)
    {
        (int Offset, int Size, int Count)[] fields =
        [
            (0, 4, 1), (32, 4, 1), (36, 2, 1), (40, 2, 8), (56, 4, 3), (68, 2, 4), (76, 4, 8), (108, 4, 3),
            (120, 2, 1), (124, 4, 6), (252, 2, 2), (256, 4, 18),
        ];
        var bytes = File.ReadAllBytes(path);
        foreach (var (offset, size, count) in fields)
            for (var i = 0; i < count; i++)
                bytes.AsSpan(offset + (i * size), size).Reverse();
        var voxOffset = 352;
        for (var p = voxOffset; p + elementSize <= bytes.Length; p += elementSize)
            bytes.AsSpan(p, elementSize).Reverse();
        File.WriteAllBytes(path, bytes);
    }
}
