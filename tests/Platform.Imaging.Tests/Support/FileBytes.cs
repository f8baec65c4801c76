using System.Buffers.Binary;
using System.IO.Compression;

namespace Platform.Imaging.Tests.Support;

/// <summary>Edits files byte by byte, to build headers our writer would never produce.</summary>
public static class FileBytes
{
    public static void PatchInt16(string path, int offset, short value) =>
        Patch(path, b => BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(offset), value));

    public static void PatchInt32(string path, int offset, int value) =>
        Patch(path, b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(offset), value));

    public static void PatchSingle(string path, int offset, float value) =>
        Patch(path, b => BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(offset), value));

    public static void PatchDouble(string path, int offset, double value) =>
        Patch(path, b => BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(offset), value));

    public static void Patch(string path, Action<byte[]> edit)
    {
        var bytes = File.ReadAllBytes(path);
        edit(bytes);
        File.WriteAllBytes(path, bytes);
    }

    public static void Truncate(string path, long length)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Write);
        f.SetLength(length);
    }

    public static void Gzip(string source, string destination)
    {
        using var input = File.OpenRead(source);
        using var output = File.Create(destination);
        using var gz = new GZipStream(output, CompressionLevel.Fastest);
        input.CopyTo(gz);
    }
}
