using System.IO.Compression;

namespace Platform.Imaging.IO;

/// <summary>
/// Opens image files for reading, transparently un-gzipping. Full reads load the compressed bytes into
/// memory first (one large read, then inflation straight into the voxel arrays); header reads stream
/// from the file so only the first deflate blocks are inflated.
/// </summary>
internal static class ImageInput
{
    /// <summary>
    /// Deflate cannot expand data by more than about 1032:1. A header that promises more voxels than that
    /// bound allows is corrupt, and we can say so before allocating anything.
    /// </summary>
    public const long MaxDeflateRatio = 1032;

    public static bool IsGzip(ReadOnlySpan<byte> start) => start.Length >= 2 && start[0] == 0x1f && start[1] == 0x8b;

    /// <summary>The whole file as a readable stream of its (decompressed) content.</summary>
    public static InputContent OpenContent(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new ImageFormatException(path, $"cannot be read: {e.Message}", e);
        }

        var memory = new MemoryStream(bytes, writable: false);
        return IsGzip(bytes)
            ? new InputContent(new GZipStream(memory, CompressionMode.Decompress), true, bytes.LongLength)
            : new InputContent(memory, false, bytes.LongLength);
    }

    /// <summary>A stream over the file that inflates lazily, for reading just a header.</summary>
    public static InputContent OpenStreaming(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        Span<byte> start = stackalloc byte[2];
        var got = file.Read(start);
        file.Position = 0;
        return IsGzip(start[..got])
            ? new InputContent(new GZipStream(file, CompressionMode.Decompress), true, file.Length)
            : new InputContent(file, false, file.Length);
    }

    /// <summary>Reads up to <paramref name="buffer"/>.Length bytes; fewer only at the end of the content.</summary>
    public static int ReadAtMost(Stream stream, Span<byte> buffer, string path)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new CorruptCompressedDataException(path, $"compressed data is corrupt: {e.Message}", e);
        }
    }

    /// <summary>Skips forward in the content (works on non-seekable gzip streams).</summary>
    public static void Skip(Stream stream, long count, string path, string what)
    {
        if (count <= 0)
            return;
        if (stream.CanSeek)
        {
            if (stream.Position + count > stream.Length)
                throw new TruncatedFileException(path, $"file ends inside {what}");
            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        var scratch = new byte[(int)Math.Min(count, 64 * 1024)];
        while (count > 0)
        {
            var want = (int)Math.Min(count, scratch.Length);
            if (ReadAtMost(stream, scratch.AsSpan(0, want), path) < want)
                throw new TruncatedFileException(path, $"file ends inside {what}");
            count -= want;
        }
    }
}

/// <summary>The content stream of an image file and what we know about its size.</summary>
internal sealed class InputContent(Stream stream, bool compressed, long fileLength) : IDisposable
{
    public Stream Stream { get; } = stream;

    public bool Compressed { get; } = compressed;

    public long FileLength { get; } = fileLength;

    /// <summary>
    /// Refuses a voxel block that cannot fit in the file: beyond the file end when uncompressed, or beyond
    /// the deflate expansion bound when compressed.
    /// </summary>
    public void EnsureCanHold(long dataStart, long dataBytes, string path)
    {
        if (Compressed)
        {
            if (dataStart + dataBytes > (FileLength * ImageInput.MaxDeflateRatio) + 4096)
                throw new TruncatedFileException(path, $"header declares {dataBytes} bytes of voxels but {FileLength} compressed bytes cannot hold that many");
        }
        else if (dataStart + dataBytes > FileLength)
        {
            throw new TruncatedFileException(path, $"header declares {dataBytes} bytes of voxels from offset {dataStart} but the file has {FileLength} bytes");
        }
    }

    public void Dispose() => Stream.Dispose();
}
