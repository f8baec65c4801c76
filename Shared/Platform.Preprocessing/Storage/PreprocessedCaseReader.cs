using System.IO.MemoryMappedFiles;
using System.Text.Json;
using Platform.Imaging.Volumes;

namespace Platform.Preprocessing.Storage;

/// <summary>
/// Reads a case written by <see cref="PreprocessedCaseWriter"/> through memory maps (see <c>PreprocessedCaseFormat.cs</c>).
/// <para><b>Conventions.</b> Positions are (x, y, z) as in <c>Volume&lt;T&gt;[x, y, z]</c>; a patch is written into the
/// destination exactly as a <c>Volume&lt;T&gt;</c> of shape <c>size</c> stores its data (x fastest, then y, then z), and
/// for the image all channels follow each other (channel-major: channel, z, y, x). Voxels of the patch outside the
/// case are padding (image: the given pad value, default 0; label: 0), so patches that stick out are valid.</para>
/// <para>Reads are thread-safe: one reader may serve many threads (dispose it only when none is reading), but they
/// contend on the view's ref count; for throughput give each loader worker its own reader.</para>
/// </summary>
public sealed class PreprocessedCaseReader : IDisposable
{
    private readonly MappedArray _image;
    private readonly MappedArray? _label;

    private PreprocessedCaseReader(string folder, string caseId, Shape3 shape, int channels, VolumeGeometry geometry, string metadataJson,
        Guid writeId, MappedArray image, MappedArray? label)
    {
        Folder = folder;
        CaseId = caseId;
        Shape = shape;
        Channels = channels;
        Geometry = geometry;
        MetadataJson = metadataJson;
        WriteId = writeId;
        _image = image;
        _label = label;
    }

    public string Folder { get; }

    public string CaseId { get; }

    /// <summary>Voxels along x, y, z of every channel and of the label.</summary>
    public Shape3 Shape { get; }

    public int Channels { get; }

    public bool HasLabel => _label is not null;

    /// <summary>The geometry of the stored (preprocessed) grid.</summary>
    public VolumeGeometry Geometry { get; }

    /// <summary>The caller's metadata JSON as it was given to the writer (surrounding whitespace trimmed).</summary>
    public string MetadataJson { get; }

    /// <summary>The id of the write that produced the files (shared by the JSON and the binary headers).</summary>
    public Guid WriteId { get; }

    /// <summary>
    /// Opens <c>{caseId}.json</c>, <c>{caseId}.img</c> and (if the case has one) <c>{caseId}.seg</c> in <paramref name="folder"/>.
    /// Missing files throw <see cref="FileNotFoundException"/>; truncated, foreign or mismatched files throw
    /// <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    public static PreprocessedCaseReader Open(string folder, string caseId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        PreprocessedCaseFormat.RequireLittleEndian();
        var jsonPath = PreprocessedCaseFormat.MetadataPath(folder, caseId);
        if (!File.Exists(jsonPath))
            throw new FileNotFoundException($"Preprocessed case '{caseId}' not found: {jsonPath} does not exist.", jsonPath);

        Shape3 shape;
        int channels;
        bool hasLabel;
        Guid writeId;
        VolumeGeometry geometry;
        string metadata;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
            var root = doc.RootElement;
            var version = root.GetProperty("version").GetInt32();
            if (version != PreprocessedCaseFormat.Version)
                throw new InvalidDataException($"{jsonPath}: format version {version}, this reader reads version {PreprocessedCaseFormat.Version}.");
            var s = root.GetProperty("shape");
            shape = new Shape3(s.GetProperty("x").GetInt32(), s.GetProperty("y").GetInt32(), s.GetProperty("z").GetInt32());
            channels = root.GetProperty("channels").GetInt32();
            hasLabel = root.GetProperty("hasLabel").GetBoolean();
            writeId = Guid.ParseExact(root.GetProperty("writeId").GetString() ?? "", "N");
            var g = root.GetProperty("geometry");
            var d = g.GetProperty("direction").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            if (d.Length != 9)
                throw new InvalidDataException($"{jsonPath}: geometry.direction has {d.Length} entries, not 9.");
            geometry = new VolumeGeometry(shape, Vector(g.GetProperty("spacing")), Vector(g.GetProperty("origin")),
                new Matrix3(d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]));
            metadata = root.GetProperty("metadata").GetRawText();
            if (channels < 1)
                throw new InvalidDataException($"{jsonPath}: {channels} channels.");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"{jsonPath}: not a valid preprocessed-case description ({e.Message}).", e);
        }

        var image = MappedArray.Open(PreprocessedCaseFormat.ImagePath(folder, caseId), PreprocessedCaseFormat.Float32Code, channels, shape, writeId);
        MappedArray? label = null;
        try
        {
            if (hasLabel)
                label = MappedArray.Open(PreprocessedCaseFormat.LabelPath(folder, caseId), PreprocessedCaseFormat.UInt8Code, 1, shape, writeId);
        }
        catch
        {
            image.Dispose();
            throw;
        }
        return new PreprocessedCaseReader(folder, caseId, shape, channels, geometry, metadata, writeId, image, label);
    }

    /// <summary>Number of floats a patch of <paramref name="size"/> with all channels needs.</summary>
    public long ImagePatchLength(Shape3 size) => Channels * size.VoxelCount;

    /// <summary>
    /// Reads all channels of the patch starting at <paramref name="start"/> (x, y, z; may be outside the case) with
    /// <paramref name="size"/> voxels into <paramref name="destination"/> (channel, z, y, x; x fastest).
    /// </summary>
    public void ReadImagePatch(Span<float> destination, VoxelIndex start, Shape3 size, float padValue = 0f)
    {
        var perChannel = CheckPatch(size, nameof(size));
        if (destination.Length < Channels * perChannel)
            throw new ArgumentException($"Destination holds {destination.Length} floats; {Channels} channels of {size} need {Channels * perChannel}.", nameof(destination));
        for (var c = 0; c < Channels; c++)
            _image.ReadPatch(destination.Slice(c * perChannel, perChannel), c, start, size, padValue);
    }

    /// <summary>Reads one channel of the patch into <paramref name="destination"/> (z, y, x; x fastest).</summary>
    public void ReadImagePatch(int channel, Span<float> destination, VoxelIndex start, Shape3 size, float padValue = 0f)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        var perChannel = CheckPatch(size, nameof(size));
        if (destination.Length < perChannel)
            throw new ArgumentException($"Destination holds {destination.Length} floats; a patch of {size} needs {perChannel}.", nameof(destination));
        _image.ReadPatch(destination[..perChannel], channel, start, size, padValue);
    }

    /// <summary>Reads the label patch into <paramref name="destination"/> (z, y, x; x fastest); outside the case is 0.</summary>
    public void ReadLabelPatch(Span<byte> destination, VoxelIndex start, Shape3 size)
    {
        var label = _label ?? throw new InvalidOperationException($"Preprocessed case '{CaseId}' in {Folder} has no label.");
        var count = CheckPatch(size, nameof(size));
        if (destination.Length < count)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; a patch of {size} needs {count}.", nameof(destination));
        label.ReadPatch(destination[..count], 0, start, size, (byte)0);
    }

    /// <summary>Reads a whole channel back into a volume with the stored geometry.</summary>
    public Volume<float> ReadChannel(int channel)
    {
        var volume = new Volume<float>(Geometry);
        ReadImagePatch(channel, volume.Data, new VoxelIndex(0, 0, 0), Shape);
        return volume;
    }

    /// <summary>Reads the whole label back, or null when the case has none.</summary>
    public Volume<byte>? ReadLabel()
    {
        if (_label is null)
            return null;
        var volume = new Volume<byte>(Geometry);
        ReadLabelPatch(volume.Data, new VoxelIndex(0, 0, 0), Shape);
        return volume;
    }

    public void Dispose()
    {
        _image.Dispose();
        _label?.Dispose();
    }

    private static int CheckPatch(Shape3 size, string name)
    {
        if (size.X < 1 || size.Y < 1 || size.Z < 1)
            throw new ArgumentOutOfRangeException(name, size, "Patch size must be at least 1 along each axis.");
        if (size.VoxelCount > Array.MaxLength)
            throw new ArgumentOutOfRangeException(name, size, "Patch is larger than one span can hold.");
        return (int)size.VoxelCount;
    }

    private static Vector3D Vector(JsonElement e)
    {
        var v = e.EnumerateArray().Select(x => x.GetDouble()).ToArray();
        return v.Length == 3 ? new Vector3D(v[0], v[1], v[2]) : throw new FormatException($"expected 3 numbers, got {v.Length}");
    }

    /// <summary>One memory-mapped binary file: header checked against the JSON, payload read by rows.</summary>
    private sealed class MappedArray : IDisposable
    {
        private readonly MemoryMappedFile _file;
        private readonly MemoryMappedViewAccessor _view;
        private readonly ulong _payloadStart;
        private readonly int _bytesPerVoxel;
        private readonly Shape3 _shape;

        private MappedArray(MemoryMappedFile file, MemoryMappedViewAccessor view, int bytesPerVoxel, Shape3 shape)
        {
            _file = file;
            _view = view;
            _payloadStart = (ulong)(view.PointerOffset + PreprocessedCaseFormat.HeaderBytes);
            _bytesPerVoxel = bytesPerVoxel;
            _shape = shape;
        }

        public static MappedArray Open(string path, int typeCode, int channels, Shape3 shape, Guid writeId)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            }
            catch (FileNotFoundException e)
            {
                throw new FileNotFoundException($"Preprocessed case file {path} does not exist although its JSON lists it.", path, e);
            }
            try
            {
                Span<byte> headerBytes = stackalloc byte[PreprocessedCaseFormat.HeaderBytes];
                var read = stream.ReadAtLeast(headerBytes, headerBytes.Length, throwOnEndOfStream: false);
                var header = PreprocessedCaseFormat.ReadHeader(headerBytes[..read], path);
                var bytesPerVoxel = PreprocessedCaseFormat.BytesPerVoxel(typeCode);
                if (header.TypeCode != typeCode)
                    throw new InvalidDataException($"{path}: voxel type code {header.TypeCode}, expected {typeCode}.");
                if (header.WriteId != writeId)
                    throw new InvalidDataException($"{path}: written by another write ({header.WriteId:N}) than its JSON ({writeId:N}); the case was interrupted between renames — write it again.");
                if (header.Channels != channels || new Shape3(header.X, header.Y, header.Z) != shape)
                    throw new InvalidDataException($"{path}: header says {header.Channels} channel(s) of {header.X}×{header.Y}×{header.Z}, the JSON says {channels} of {shape}.");
                var payload = channels * shape.VoxelCount * bytesPerVoxel;
                if (header.PayloadBytes != payload)
                    throw new InvalidDataException($"{path}: header says {header.PayloadBytes} payload bytes, shape needs {payload}.");
                var expected = PreprocessedCaseFormat.HeaderBytes + payload;
                if (stream.Length != expected)
                    throw new InvalidDataException($"{path}: file is {stream.Length} bytes, expected {expected} ({(stream.Length < expected ? "truncated" : "trailing bytes")}).");
                var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
                try
                {
                    return new MappedArray(file, file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read), bytesPerVoxel, shape);
                }
                catch
                {
                    file.Dispose();
                    throw;
                }
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Copies the part of the patch inside the volume row by row (one contiguous x-run per (z, y));
        /// the rest of <paramref name="destination"/> is <paramref name="pad"/>.
        /// </summary>
        public void ReadPatch<T>(Span<T> destination, int channel, VoxelIndex start, Shape3 size, T pad) where T : unmanaged
        {
            var (x0, x1) = Clip(start.X, size.X, _shape.X);
            var (y0, y1) = Clip(start.Y, size.Y, _shape.Y);
            var (z0, z1) = Clip(start.Z, size.Z, _shape.Z);
            var inside = x0 < x1 && y0 < y1 && z0 < z1;
            var fullyInside = inside && x1 - x0 == size.X && y1 - y0 == size.Y && z1 - z0 == size.Z;
            if (!fullyInside)
                destination.Fill(pad);
            if (!inside)
                return;
            var run = x1 - x0;
            var channelBase = (long)channel * _shape.VoxelCount;
            // The mapped view's pointer is taken once per patch, not once per row: SafeBuffer.ReadSpan pins and
            // checks on every call, which measured 3-5 times slower than copying spans over one acquired pointer.
            var handle = _view.SafeMemoryMappedViewHandle;
            unsafe
            {
                byte* mapped = null;
                handle.AcquirePointer(ref mapped);
                try
                {
                    var payload = (T*)(mapped + _payloadStart);
                    for (var z = z0; z < z1; z++)
                    {
                        for (var y = y0; y < y1; y++)
                        {
                            var source = channelBase + x0 + ((long)_shape.X * (y + ((long)_shape.Y * z)));
                            var target = (x0 - start.X) + (size.X * ((y - start.Y) + (size.Y * (z - start.Z))));
                            new ReadOnlySpan<T>(payload + source, run).CopyTo(destination.Slice(target, run));
                        }
                    }
                }
                finally
                {
                    handle.ReleasePointer();
                }
            }
        }

        private static (int Lo, int Hi) Clip(int start, int size, int extent)
        {
            var lo = Math.Max(start, 0);
            var hi = (int)Math.Min((long)start + size, extent);
            return (lo, Math.Max(hi, lo));
        }

        public void Dispose()
        {
            _view.Dispose();
            _file.Dispose();
        }
    }
}
