using System.IO.Compression;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.MetaImage;

/// <summary>Reads MetaImage: .mha with LOCAL data, or .mhd with one .raw/.zraw data file; zlib-compressed or raw.</summary>
public static class MetaImageReader
{
    public static VolumeHeader ReadHeader(string path, ReadOptions? options = null)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        var start = new byte[(int)Math.Min(file.Length, TextHeader.MaxHeaderBytes)];
        file.ReadExactly(start);
        var layout = MetaImageLayout.Interpret(MetaImageHeader.Parse(start, start.Length == file.Length, path), path, options ?? ReadOptions.Default);
        return new VolumeHeader(path, ImageFormat.MetaImage, layout.Geometry, layout.Type, layout.Channels, IntensityScaling.None);
    }

    public static VolumeStack Read(string path, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        var bytes = File.ReadAllBytes(path);
        var header = MetaImageHeader.Parse(bytes, wholeFile: true, path);
        var layout = MetaImageLayout.Interpret(header, path, options);
        var (data, dataStart) = DataBytes(path, bytes, header, layout);
        var available = data.LongLength - dataStart;
        long skip = layout.HeaderSize;
        if (skip == -1)
        {
            if (layout.Compressed)
                throw new UnsupportedFeatureException(path, "HeaderSize = -1 with compressed data is not supported");
            skip = available - layout.DataBytes;
            if (skip < 0)
                throw new TruncatedFileException(path, $"the data holds {available} bytes, {layout.DataBytes} are declared");
        }

        if (skip > available)
            throw new TruncatedFileException(path, $"HeaderSize {skip} is beyond the end of the data ({available} bytes)");
        var begin = (int)(dataStart + (layout.Compressed ? 0 : skip));
        var raw = new MemoryStream(data, begin, data.Length - begin, writable: false);
        using var stream = layout.Compressed ? Decompressor(raw, data, begin) : raw;
        var content = new InputContent(stream, layout.Compressed, data.LongLength - begin);
        content.EnsureCanHold(layout.Compressed ? skip : 0, layout.DataBytes, path);
        if (layout.Compressed)
            ImageInput.Skip(stream, skip, path, "the data file header");
        var channels = InterleavedChannels.Read(stream, layout.Type, layout.LittleEndian, layout.Geometry, layout.Channels, channelFastest: true, options, path);
        return new VolumeStack(channels);
    }

    /// <summary>MetaIO writes zlib streams; some tools write gzip. Both are accepted, as MetaIO itself does.</summary>
    private static Stream Decompressor(Stream raw, byte[] data, int begin) =>
        ImageInput.IsGzip(data.AsSpan(begin))
            ? new GZipStream(raw, CompressionMode.Decompress)
            : new ZLibStream(raw, CompressionMode.Decompress);

    private static (byte[] Data, long Start) DataBytes(string path, byte[] headerFile, MetaImageHeader header, MetaImageLayout layout)
    {
        if (layout.DataFile.Equals("LOCAL", StringComparison.OrdinalIgnoreCase))
            return (headerFile, header.DataOffset);
        if (layout.DataFile.StartsWith("LIST", StringComparison.OrdinalIgnoreCase) || layout.DataFile.Contains('%', StringComparison.Ordinal) || layout.DataFile.Contains(' ', StringComparison.Ordinal))
            throw new UnsupportedFeatureException(path, $"ElementDataFile '{layout.DataFile}' (a list of slice files) is not supported");
        var dataPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", layout.DataFile);
        if (!File.Exists(dataPath))
            throw new TruncatedFileException(path, $"the data file '{layout.DataFile}' does not exist");
        return (File.ReadAllBytes(dataPath), 0);
    }
}
