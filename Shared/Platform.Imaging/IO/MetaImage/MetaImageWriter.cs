using System.IO.Compression;
using System.Text;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.MetaImage;

/// <summary>
/// Writes MetaImage as ITK does: .mha with LOCAL data, or .mhd plus a .raw (or .zraw when compressed) file
/// beside it. Channels are interleaved per voxel (ElementNumberOfChannels).
/// </summary>
public static class MetaImageWriter
{
    public static void Write(string path, IVolume volume, bool compress = true) => Write(path, new VolumeStack(volume), compress);

    public static void Write(string path, VolumeStack stack, bool compress = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stack);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Writing MetaImage on a big-endian machine is not implemented.");
        var payload = Payload(stack);
        if (compress)
        {
            using var buffer = new MemoryStream();
            using (var z = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
                z.Write(payload);
            payload = buffer.ToArray();
        }

        var detached = path.EndsWith(".mhd", StringComparison.OrdinalIgnoreCase);
        var dataName = detached ? Path.GetFileNameWithoutExtension(path) + (compress ? ".zraw" : ".raw") : "LOCAL";
        var header = Encoding.ASCII.GetBytes(HeaderText(stack, compress, payload.LongLength, dataName));
        if (detached)
        {
            File.WriteAllBytes(path, header);
            File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", dataName), payload);
            return;
        }

        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        file.Write(header);
        file.Write(payload);
    }

    private static string HeaderText(VolumeStack stack, bool compressed, long compressedSize, string dataFile)
    {
        var g = stack.Geometry;
        string Join(params double[] values) => string.Join(' ', values.Select(TextHeader.Format));
        var d = g.Direction;
        var text = new StringBuilder()
            .Append("ObjectType = Image\n")
            .Append("NDims = 3\n")
            .Append("BinaryData = True\n")
            .Append("BinaryDataByteOrderMSB = False\n")
            .Append($"CompressedData = {(compressed ? "True" : "False")}\n");
        if (compressed)
            text.Append($"CompressedDataSize = {compressedSize}\n");
        text.Append($"TransformMatrix = {Join(d.M00, d.M10, d.M20, d.M01, d.M11, d.M21, d.M02, d.M12, d.M22)}\n")
            .Append($"Offset = {Join(g.Origin.X, g.Origin.Y, g.Origin.Z)}\n")
            .Append($"ElementSpacing = {Join(g.Spacing.X, g.Spacing.Y, g.Spacing.Z)}\n")
            .Append($"DimSize = {g.Shape.X} {g.Shape.Y} {g.Shape.Z}\n");
        if (stack.Count > 1)
            text.Append($"ElementNumberOfChannels = {stack.Count}\n");
        text.Append($"ElementType = {MetaImageTypes.Name(stack.VoxelType)}\n")
            .Append($"ElementDataFile = {dataFile}\n");
        return text.ToString();
    }

    private static byte[] Payload(VolumeStack stack) =>
        stack.Count == 1 ? stack[0].AsBytes().ToArray() : InterleavedChannels.Interleave(stack);
}
