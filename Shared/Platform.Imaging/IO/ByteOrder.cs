using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Platform.Imaging.IO;

/// <summary>In-place byte swapping of voxel blocks stored in the other byte order.</summary>
internal static class ByteOrder
{
    public static void Reverse(Span<byte> bytes, int elementSize)
    {
        switch (elementSize)
        {
            case 1:
                return;
            case 2:
                var shorts = MemoryMarshal.Cast<byte, ushort>(bytes);
                BinaryPrimitives.ReverseEndianness(shorts, shorts);
                return;
            case 4:
                var ints = MemoryMarshal.Cast<byte, uint>(bytes);
                BinaryPrimitives.ReverseEndianness(ints, ints);
                return;
            case 8:
                var longs = MemoryMarshal.Cast<byte, ulong>(bytes);
                BinaryPrimitives.ReverseEndianness(longs, longs);
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(elementSize), elementSize, null);
        }
    }
}
