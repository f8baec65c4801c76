using System.IO.Compression;
using System.Text;
using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.Nrrd;

/// <summary>
/// Writes NRRD0004 with attached data in LPS space. Channels become a leading 'vector' axis (interleaved per
/// voxel, as 3D Slicer writes them).
/// </summary>
public static class NrrdWriter
{
    public static void Write(string path, IVolume volume, bool gzip = true, CompressionLevel level = CompressionLevel.Fastest) =>
        Write(path, new VolumeStack(volume), gzip, level);

    public static void Write(string path, VolumeStack stack, bool gzip = true, CompressionLevel level = CompressionLevel.Fastest)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Writing NRRD on a big-endian machine is not implemented.");
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        file.Write(Encoding.ASCII.GetBytes(HeaderText(stack, gzip)));
        using var data = gzip ? new GZipStream(file, level, leaveOpen: true) : (Stream)new BufferedStream(file);
        if (stack.Count == 1)
            data.Write(stack[0].AsBytes());
        else
            data.Write(InterleavedChannels.Interleave(stack));
    }

    private static string HeaderText(VolumeStack stack, bool gzip)
    {
        var g = stack.Geometry;
        var m = g.IndexToWorldMatrix;
        string Vector(Vector3D v) => $"({TextHeader.Format(v.X)},{TextHeader.Format(v.Y)},{TextHeader.Format(v.Z)})";
        var vectorAxis = stack.Count > 1;
        var text = new StringBuilder()
            .Append("NRRD0004\n")
            .Append("# Written by Platform.Imaging; format: http://teem.sourceforge.net/nrrd/format.html\n")
            .Append($"type: {NrrdTypes.Name(stack.VoxelType)}\n")
            .Append($"dimension: {(vectorAxis ? 4 : 3)}\n")
            .Append("space: left-posterior-superior\n")
            .Append(vectorAxis ? $"sizes: {stack.Count} {g.Shape.X} {g.Shape.Y} {g.Shape.Z}\n" : $"sizes: {g.Shape.X} {g.Shape.Y} {g.Shape.Z}\n")
            .Append($"space directions: {(vectorAxis ? "none " : "")}{Vector(m.Column(0))} {Vector(m.Column(1))} {Vector(m.Column(2))}\n")
            .Append($"kinds: {(vectorAxis ? "vector " : "")}domain domain domain\n")
            .Append("endian: little\n")
            .Append($"encoding: {(gzip ? "gzip" : "raw")}\n")
            .Append($"space origin: {Vector(g.Origin)}\n")
            .Append('\n');
        return text.ToString();
    }
}
