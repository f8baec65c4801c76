using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.Nifti;

/// <summary>Reads single-file NIfTI-1 and NIfTI-2 images (.nii, .nii.gz) in either byte order.</summary>
public static class NiftiReader
{
    /// <summary>The raw header fields, for callers that need codes, units or intent.</summary>
    public static NiftiHeader ReadRawHeader(string path)
    {
        using var content = ImageInput.OpenStreaming(path);
        return ReadHeaderFrom(content.Stream, path);
    }

    /// <summary>
    /// Shape, type, geometry and channels without reading the voxels: only the first deflate blocks of a
    /// .nii.gz are inflated. Uncompressed files are also checked to be long enough for their voxels.
    /// </summary>
    public static VolumeHeader ReadHeader(string path, ReadOptions? options = null)
    {
        using var content = ImageInput.OpenStreaming(path);
        var layout = NiftiLayout.Interpret(ReadHeaderFrom(content.Stream, path), path, options ?? ReadOptions.Default);
        if (!content.Compressed)
            content.EnsureCanHold(layout.DataOffset, layout.DataBytes, path);
        return layout.ToVolumeHeader(path);
    }

    /// <summary>All channels (dimensions 4–7 flattened, fastest first) with scaling and the NaN policy applied.</summary>
    public static VolumeStack Read(string path, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        using var content = ImageInput.OpenContent(path);
        var header = ReadHeaderFrom(content.Stream, path);
        var layout = NiftiLayout.Interpret(header, path, options);
        content.EnsureCanHold(layout.DataOffset, layout.DataBytes, path);
        ImageInput.Skip(content.Stream, layout.DataOffset - header.HeaderSize, path, "the header extensions");

        var channels = new IVolume[layout.Channels];
        for (var c = 0; c < channels.Length; c++)
            channels[c] = VoxelBlockReader.ReadChannel(content.Stream, layout.StoredType, header.LittleEndian, layout.Geometry, layout.Scaling, options, path, c);
        return new VolumeStack(channels);
    }

    /// <summary>A single 3D volume; a file with more than one channel is refused rather than cut.</summary>
    public static IVolume ReadVolume(string path, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        return Read(path, options with { ExtraDimensionsAsChannels = false })[0];
    }

    private static NiftiHeader ReadHeaderFrom(Stream stream, string path)
    {
        // Read sizeof_hdr first so a NIfTI-1 header is never over-read into its extension or voxels.
        var buffer = new byte[540];
        if (ImageInput.ReadAtMost(stream, buffer.AsSpan(0, 4), path) < 4)
            throw new TruncatedFileException(path, "file is shorter than a NIfTI header");
        var (version, _) = NiftiHeaderCodec.Detect(buffer, path);
        var size = version == 1 ? 348 : 540;
        if (ImageInput.ReadAtMost(stream, buffer.AsSpan(4, size - 4), path) < size - 4)
            throw new TruncatedFileException(path, $"file ends inside the {size}-byte NIfTI-{version} header");
        return NiftiHeaderCodec.Parse(buffer.AsSpan(0, size), path);
    }
}
