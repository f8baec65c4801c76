using System.IO.Compression;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.Nifti;

/// <summary>
/// Writes single-file NIfTI images, little-endian, gzipped when the path ends in .gz. The sform holds the
/// exact affine, the qform its rigid part; units are millimetres and seconds.
/// </summary>
public static class NiftiWriter
{
    public static void Write(string path, IVolume volume, NiftiWriteOptions? options = null) =>
        Write(path, new VolumeStack(volume), options);

    /// <summary>Several channels become the fourth dimension.</summary>
    public static void Write(string path, VolumeStack stack, NiftiWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stack);
        options ??= NiftiWriteOptions.Default;
        var header = BuildHeader(stack, options);
        var headerBytes = NiftiHeaderCodec.Encode(header);

        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var output = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? (Stream)new GZipStream(file, options.Compression, leaveOpen: true)
            : new NonClosingStream(file);
        output.Write(headerBytes);
        output.Write(new byte[(long)header.VoxOffset - headerBytes.Length]); // extension flag: no extensions
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Writing NIfTI on a big-endian machine is not implemented.");
        foreach (var channel in stack.Channels)
            output.Write(channel.AsBytes());
    }

    public static NiftiHeader BuildHeader(VolumeStack stack, NiftiWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(options);
        var shape = stack.Geometry.Shape;
        var needsVersion2 = Math.Max(shape.X, Math.Max(shape.Y, Math.Max(shape.Z, stack.Count))) > short.MaxValue;
        var version = options.Version ?? (needsVersion2 ? 2 : 1);
        if (version == 1 && needsVersion2)
            throw new ArgumentException($"Shape {shape} with {stack.Count} channels does not fit NIfTI-1's 16-bit dimensions; write NIfTI-2.", nameof(options));
        if (version is not (1 or 2))
            throw new ArgumentException($"NIfTI version {version} does not exist.", nameof(options));

        var header = new NiftiHeader
        {
            Version = version,
            DataType = NiftiDataTypes.CodeOf(stack.VoxelType),
            BitPix = (short)(8 * VoxelTypes.SizeOf(stack.VoxelType)),
            XyztUnits = 2 | 8,
            SclSlope = 1,
            SclInter = 0,
            QformCode = options.QformCode,
            SformCode = options.SformCode,
            Description = options.Description,
        };
        header.VoxOffset = header.MinimumVoxOffset;
        header.Dim = [stack.Count > 1 ? 4 : 3, shape.X, shape.Y, shape.Z, stack.Count, 1, 1, 1];
        var affine = NiftiAffine.FromGeometry(stack.Geometry);
        NiftiAffine.SetQform(header, affine);
        NiftiAffine.SetSform(header, affine);
        return header;
    }

    /// <summary>Lets the uncompressed path share the gzip path's using-block without closing the file twice.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    }
}
