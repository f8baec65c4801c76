using System.Buffers.Binary;
using System.Text;

namespace Platform.Preprocessing.Storage;

/*
 * Why this format (issue 5, item 5: storage for training speed)
 * -------------------------------------------------------------
 * Training reads many small random 3D patches (64³–128³, nnU-Net style, some sticking out of the case)
 * from a few hundred preprocessed cases, epoch after epoch. What matters is the cost of one random patch,
 * not the size on disk. So a case is stored as:
 *
 *   {caseId}.img   64-byte binary header + float32 voxels, channel-major then z, y, x (x fastest) —
 *                  each channel is exactly the Volume<float>.Data block, so writing is one block copy.
 *   {caseId}.seg   64-byte binary header + uint8 label voxels, z, y, x (x fastest); absent when no label.
 *   {caseId}.json  shape, channels, dtypes, byte order, format version, geometry, a write id shared with the
 *                  binary headers, and the caller's metadata JSON verbatim (under "metadata").
 *
 * All little-endian and uncompressed. The reader memory-maps each binary file (System.IO.MemoryMappedFiles):
 * a patch is one contiguous read per (z, y) row of the patch, so it touches only the pages holding those
 * rows, the OS page cache keeps hot cases in memory across readers and processes with no copy of our own,
 * and opening a case costs only a JSON parse and two mmaps — no decompression, no whole-case load.
 * Chunked + compressed storage (64³ LZ4/zstd blocks) would save disk but costs CPU per patch and
 * needs a package; plain mmap is the first, measurable choice (tests/Platform.Preprocessing.Benchmarks).
 * Measured (512×512×300 case, warm cache, 2-core VM): 128³ ≈ 650 reads/s on 1 thread, ≈ 1,450 on 2 (1 channel);
 * 64³ ≈ 3,900 on 1 thread, ≈ 8,200 on 2 — within 5–13% of copying the same rows from in-memory arrays.
 * Rows are copied over the view's pointer, acquired once per patch (pinning per row through SafeBuffer was
 * 3–5× slower). A reader can be shared by threads; one per loader worker also works, opening one is cheap.
 *
 * Atomicity: every file is written to "{final}.{guid}.tmp", flushed to disk, then renamed over its final
 * name; the JSON is renamed last and is the commit point. Readers open only final names, so leftover
 * temporaries from an interrupted write are ignored. The random write id in each header must equal the
 * JSON's, so a mix of files from two writes (a crash between renames) is detected, not silently read.
 *
 * Binary header (64 bytes, little-endian):
 *   0  8 bytes  magic "PPCASE01"
 *   8  int32    format version (1)
 *   12 int32    voxel type code (1 = float32, 2 = uint8)
 *   16 int32    channels
 *   20 int32×3  x, y, z
 *   32 16 bytes write id (Guid)
 *   48 int64    payload bytes (channels · x · y · z · sizeof(voxel))
 *   56 8 bytes  reserved (0)
 */

/// <summary>File names, header layout and constants of the preprocessed-case format (see the comment above).</summary>
public static class PreprocessedCaseFormat
{
    public const int Version = 1;

    public const int HeaderBytes = 64;

    public const string ImageExtension = ".img";

    public const string LabelExtension = ".seg";

    public const string MetadataExtension = ".json";

    /// <summary>Suffix of temporary files; readers never open them.</summary>
    public const string TemporarySuffix = ".tmp";

    internal const int Float32Code = 1;

    internal const int UInt8Code = 2;

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("PPCASE01");

    public static string ImagePath(string folder, string caseId) => Path.Combine(folder, CheckCaseId(caseId) + ImageExtension);

    public static string LabelPath(string folder, string caseId) => Path.Combine(folder, CheckCaseId(caseId) + LabelExtension);

    public static string MetadataPath(string folder, string caseId) => Path.Combine(folder, CheckCaseId(caseId) + MetadataExtension);

    /// <summary>A case id must be usable as a file name on its own: no separators, no "." or "..".</summary>
    public static string CheckCaseId(string caseId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        if (caseId is "." or ".." || caseId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || caseId.Contains('/', StringComparison.Ordinal) || caseId.Contains('\\', StringComparison.Ordinal))
            throw new ArgumentException($"Case id '{caseId}' cannot be used as a file name.", nameof(caseId));
        return caseId;
    }

    internal readonly record struct Header(int TypeCode, int Channels, int X, int Y, int Z, Guid WriteId, long PayloadBytes);

    internal static int BytesPerVoxel(int typeCode) => typeCode == Float32Code ? sizeof(float) : sizeof(byte);

    internal static void WriteHeader(Span<byte> destination, Header header)
    {
        destination[..HeaderBytes].Clear();
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(destination[12..], header.TypeCode);
        BinaryPrimitives.WriteInt32LittleEndian(destination[16..], header.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(destination[20..], header.X);
        BinaryPrimitives.WriteInt32LittleEndian(destination[24..], header.Y);
        BinaryPrimitives.WriteInt32LittleEndian(destination[28..], header.Z);
        header.WriteId.TryWriteBytes(destination[32..48]);
        BinaryPrimitives.WriteInt64LittleEndian(destination[48..], header.PayloadBytes);
    }

    /// <summary>Parses a header; throws <see cref="InvalidDataException"/> naming <paramref name="path"/> when it is not one.</summary>
    internal static Header ReadHeader(ReadOnlySpan<byte> source, string path)
    {
        if (source.Length < HeaderBytes)
            throw new InvalidDataException($"{path}: file is {source.Length} bytes, shorter than the {HeaderBytes}-byte header (truncated?).");
        if (!source[..8].SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a preprocessed-case file (bad magic).");
        var version = BinaryPrimitives.ReadInt32LittleEndian(source[8..]);
        if (version != Version)
            throw new InvalidDataException($"{path}: format version {version}, this reader reads version {Version}.");
        return new Header(
            BinaryPrimitives.ReadInt32LittleEndian(source[12..]),
            BinaryPrimitives.ReadInt32LittleEndian(source[16..]),
            BinaryPrimitives.ReadInt32LittleEndian(source[20..]),
            BinaryPrimitives.ReadInt32LittleEndian(source[24..]),
            BinaryPrimitives.ReadInt32LittleEndian(source[28..]),
            new Guid(source[32..48]),
            BinaryPrimitives.ReadInt64LittleEndian(source[48..]));
    }

    internal static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The preprocessed-case format is little-endian and is only read and written on little-endian machines.");
    }
}
