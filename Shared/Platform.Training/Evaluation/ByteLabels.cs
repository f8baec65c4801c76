using Platform.Imaging.IO;
using Platform.Imaging.Volumes;

namespace Platform.Training.Evaluation;

/// <summary>Label maps as bytes, whatever voxel type a file stores them in, refusing values a byte cannot hold.</summary>
public static class ByteLabels
{
    public static Volume<byte> Read(string path) => From(ImageFile.ReadVolume(path), path);

    /// <param name="volume">A label map of any voxel type.</param>
    /// <param name="source">Names the volume in error messages (a file path or case id).</param>
    public static Volume<byte> From(IVolume volume, string source)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (volume is Volume<byte> bytes)
            return bytes;
        // Through double, which holds every voxel type's values exactly enough to tell integers from fractions.
        var values = volume.ConvertTo<double>().Data;
        var data = new byte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v is < 0 or > byte.MaxValue || v != Math.Floor(v))
                throw new InvalidDataException($"{source}: voxel {i} holds {v}, not a label in 0..255.");
            data[i] = (byte)v;
        }

        return new Volume<byte>(volume.Geometry, data);
    }
}
