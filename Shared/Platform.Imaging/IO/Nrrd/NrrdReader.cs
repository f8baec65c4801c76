using System.IO.Compression;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.Nrrd;

/// <summary>Reads NRRD files with attached data, raw or gzip encoded, with space directions and origin.</summary>
public static class NrrdReader
{
    public static VolumeHeader ReadHeader(string path, ReadOptions? options = null)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        var start = new byte[(int)Math.Min(file.Length, TextHeader.MaxHeaderBytes)];
        file.ReadExactly(start);
        var header = NrrdHeader.Parse(start, start.Length == file.Length, path);
        var layout = NrrdLayout.Interpret(header, path, options ?? ReadOptions.Default);
        return new VolumeHeader(path, ImageFormat.Nrrd, layout.Geometry, layout.Type, layout.Channels, IntensityScaling.None);
    }

    public static VolumeStack Read(string path, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        var bytes = File.ReadAllBytes(path);
        var header = NrrdHeader.Parse(bytes, wholeFile: true, path);
        var layout = NrrdLayout.Interpret(header, path, options);
        var compressedLength = bytes.LongLength - header.DataOffset;
        using var data = OpenData(bytes, header.DataOffset, layout, path);
        var content = new InputContent(data, layout.Encoding != "raw", compressedLength);
        var skip = layout.ByteSkip == -1 ? compressedLength - layout.DataBytes : layout.ByteSkip;
        if (skip < 0)
            throw new TruncatedFileException(path, $"the file holds {compressedLength} bytes of data, {layout.DataBytes} are declared");
        content.EnsureCanHold(skip, layout.DataBytes, path);
        ImageInput.Skip(data, skip, path, "the skipped bytes");
        var channels = InterleavedChannels.Read(data, layout.Type, layout.LittleEndian, layout.Geometry, layout.Channels, layout.ChannelFastest, options, path);
        return new VolumeStack(channels);
    }

    private static Stream OpenData(byte[] bytes, long offset, NrrdLayout layout, string path)
    {
        var raw = new MemoryStream(bytes, (int)offset, bytes.Length - (int)offset, writable: false);
        return layout.Encoding switch
        {
            "raw" => raw,
            "gzip" or "gz" => new GZipStream(raw, CompressionMode.Decompress),
            _ => throw new UnsupportedFeatureException(path, $"NRRD encoding '{layout.Encoding}' is not supported; raw and gzip are"),
        };
    }
}
