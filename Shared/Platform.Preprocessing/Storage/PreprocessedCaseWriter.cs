using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Platform.Imaging.IO;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Storage;

/// <summary>
/// Writes one preprocessed case in the format described in <c>PreprocessedCaseFormat.cs</c>:
/// temp files first, flushed to disk, then renamed with the JSON last (the commit point).
/// </summary>
public static class PreprocessedCaseWriter
{
    /// <summary>
    /// Writes <c>{caseId}.img</c>, <c>{caseId}.seg</c> (when <paramref name="label"/> is given) and <c>{caseId}.json</c>
    /// into <paramref name="folder"/> (created if missing), replacing an earlier write of the same case.
    /// All channels and the label must have the same shape; the first channel's geometry is stored.
    /// <paramref name="metadataJson"/> must be valid JSON and is stored verbatim (surrounding whitespace trimmed).
    /// </summary>
    public static void Write(string folder, string caseId, IReadOnlyList<Volume<float>> channels, Volume<byte>? label, string metadataJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        PreprocessedCaseFormat.CheckCaseId(caseId);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(metadataJson);
        PreprocessedCaseFormat.RequireLittleEndian();
        if (channels.Count == 0)
            throw new ArgumentException("At least one channel is needed.", nameof(channels));
        for (var c = 0; c < channels.Count; c++)
        {
            if (channels[c] is null)
                throw new ArgumentException($"Channel {c} is null.", nameof(channels));
            if (channels[c].Shape != channels[0].Shape)
                throw new ArgumentException($"Channel {c} has shape {channels[c].Shape}, channel 0 has {channels[0].Shape}.", nameof(channels));
        }
        if (label is not null && label.Shape != channels[0].Shape)
            throw new ArgumentException($"Label has shape {label.Shape}, the channels have {channels[0].Shape}.", nameof(label));
        var metadata = metadataJson.Trim();
        try
        {
            using var _ = JsonDocument.Parse(metadata);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Metadata is not valid JSON: {e.Message}", nameof(metadataJson), e);
        }

        Directory.CreateDirectory(folder);
        var writeId = Guid.NewGuid();
        var shape = channels[0].Shape;
        var imagePath = PreprocessedCaseFormat.ImagePath(folder, caseId);
        var labelPath = PreprocessedCaseFormat.LabelPath(folder, caseId);
        var jsonPath = PreprocessedCaseFormat.MetadataPath(folder, caseId);
        var temporaries = new List<(string Temp, string Final)>();
        try
        {
            var imageTemp = TempName(imagePath);
            temporaries.Add((imageTemp, imagePath));
            WriteBinary(imageTemp, PreprocessedCaseFormat.Float32Code, shape, writeId, channels.Select(c => c.Data).ToList());
            if (label is not null)
            {
                var labelTemp = TempName(labelPath);
                temporaries.Add((labelTemp, labelPath));
                WriteBinary(labelTemp, PreprocessedCaseFormat.UInt8Code, shape, writeId, [label.Data]);
            }
            var jsonTemp = TempName(jsonPath);
            temporaries.Add((jsonTemp, jsonPath));
            WriteJson(jsonTemp, caseId, channels[0].Geometry, channels.Count, label is not null, writeId, metadata);

            // Binary files first, JSON last: until the JSON moves, readers see the previous complete case
            // (or a write-id mismatch if interrupted between renames — never a silent mix).
            foreach (var (temp, final) in temporaries)
                File.Move(temp, final, overwrite: true);
            temporaries.Clear();
            if (label is null && File.Exists(labelPath))
                File.Delete(labelPath);
        }
        finally
        {
            foreach (var (temp, _) in temporaries)
                TryDelete(temp);
        }
    }

    /// <summary>
    /// Deletes temporary files left in <paramref name="folder"/> by interrupted writes (call it only when no
    /// writer is running there). Returns how many were deleted.
    /// </summary>
    public static int DeleteTemporaryFiles(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
            return 0;
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*" + PreprocessedCaseFormat.TemporarySuffix))
        {
            File.Delete(file);
            count++;
        }
        return count;
    }

    private static string TempName(string final) =>
        $"{final}.{Guid.NewGuid():N}{PreprocessedCaseFormat.TemporarySuffix}";

    private static void WriteBinary<T>(string path, int typeCode, Shape3 shape, Guid writeId, IReadOnlyList<T[]> channels)
        where T : unmanaged
    {
        var bytesPerVoxel = PreprocessedCaseFormat.BytesPerVoxel(typeCode);
        var payload = checked(channels.Count * shape.VoxelCount * bytesPerVoxel);
        var header = new byte[PreprocessedCaseFormat.HeaderBytes];
        PreprocessedCaseFormat.WriteHeader(header, new PreprocessedCaseFormat.Header(typeCode, channels.Count, shape.X, shape.Y, shape.Z, writeId, payload));
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
            PreallocationSize = PreprocessedCaseFormat.HeaderBytes + payload,
        };
        FileStream opened;
        try
        {
            opened = new FileStream(path, options);
        }
        catch (IOException e) when (StorageFullException.FreeBytesAt(path) < options.PreallocationSize)
        {
            // .NET reports a preallocation that found the disk full as a plain IOException, without the errno: the free
            // space left says what happened.
            throw new StorageFullException(path, "preprocessed array", e);
        }

        using var stream = opened;
        stream.Write(header);
        foreach (var channel in channels)
            stream.Write(MemoryMarshal.AsBytes(channel.AsSpan()));
        stream.Flush(flushToDisk: true);
    }

    private static void WriteJson(string path, string caseId, VolumeGeometry geometry, int channels, bool hasLabel, Guid writeId, string metadata)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", "platform-preprocessed-case");
            json.WriteNumber("version", PreprocessedCaseFormat.Version);
            json.WriteString("caseId", caseId);
            json.WriteString("writeId", writeId.ToString("N", CultureInfo.InvariantCulture));
            json.WriteString("byteOrder", "little");
            json.WriteString("layout", "channel, z, y, x (x fastest)");
            json.WriteStartObject("shape");
            json.WriteNumber("x", geometry.Shape.X);
            json.WriteNumber("y", geometry.Shape.Y);
            json.WriteNumber("z", geometry.Shape.Z);
            json.WriteEndObject();
            json.WriteNumber("channels", channels);
            json.WriteString("imageDtype", "float32");
            json.WriteString("labelDtype", hasLabel ? "uint8" : null);
            json.WriteBoolean("hasLabel", hasLabel);
            json.WriteStartObject("geometry");
            WriteVector(json, "spacing", geometry.Spacing);
            WriteVector(json, "origin", geometry.Origin);
            var d = geometry.Direction;
            json.WriteStartArray("direction");
            foreach (var v in new[] { d.M00, d.M01, d.M02, d.M10, d.M11, d.M12, d.M20, d.M21, d.M22 })
                json.WriteNumberValue(v);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WritePropertyName("metadata");
            json.WriteRawValue(metadata, skipInputValidation: true);
            json.WriteEndObject();
        }
        stream.Flush(flushToDisk: true);
    }

    private static void WriteVector(Utf8JsonWriter json, string name, Vector3D v)
    {
        json.WriteStartArray(name);
        json.WriteNumberValue(v.X);
        json.WriteNumberValue(v.Y);
        json.WriteNumberValue(v.Z);
        json.WriteEndArray();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
