using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.MetaImage;

/// <summary>
/// What a MetaImage header means. World coordinates are LPS (ITK). TransformMatrix lists the direction of
/// voxel axis 0, then axis 1, then axis 2 (ITK's MetaImageIO reads it that way), i.e. the columns of our
/// direction matrix one after another.
/// </summary>
internal sealed record MetaImageLayout(
    VolumeGeometry Geometry, VoxelType Type, int Channels, bool LittleEndian, bool Compressed, long CompressedSize, string DataFile, long HeaderSize)
{
    public long DataBytes => Geometry.Shape.VoxelCount * Channels * VoxelTypes.SizeOf(Type);

    public static MetaImageLayout Interpret(MetaImageHeader h, string path, ReadOptions options)
    {
        if (h["ObjectType"] is { } objectType && !objectType.Equals("Image", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedFeatureException(path, $"MetaImage ObjectType '{objectType}' is not an image");
        var ndims = TextHeader.ParseLong(Required(h, "NDims", path), path, "NDims");
        if (ndims is < 1 or > 4)
            throw new UnsupportedDimensionalityException(path, $"NDims {ndims}; 1 to 3 spatial dimensions (4 as channels) are read");
        var dims = TextHeader.ParseLongs(Required(h, "DimSize", path), path, "DimSize");
        if (dims.Length != ndims)
            throw new MalformedHeaderException(path, $"DimSize has {dims.Length} entries for NDims {ndims}");
        var channelsField = h["ElementNumberOfChannels"] is { } c ? TextHeader.ParseLong(c, path, "ElementNumberOfChannels") : 1;
        if (channelsField < 1)
            throw new ImplausibleDimensionsException(path, $"ElementNumberOfChannels {channelsField}");
        TextHeader.CheckSizes([.. dims, channelsField], options.MaxElements, path);
        if (ndims == 4 && dims[3] > 1)
            throw new UnsupportedDimensionalityException(path, "4D MetaImage (a time axis) is not supported; store channels with ElementNumberOfChannels");
        var channels = (int)channelsField;
        if (channels > 1 && !options.ExtraDimensionsAsChannels)
            throw new UnsupportedDimensionalityException(path, $"the image has {channels} channels; read it with ExtraDimensionsAsChannels to get them");

        var sizes = new[] { 1L, 1L, 1L };
        for (var i = 0; i < Math.Min(3, ndims); i++)
            sizes[i] = dims[i];
        var shape = new Shape3((int)sizes[0], (int)sizes[1], (int)sizes[2]);
        if (shape.VoxelCount > Array.MaxLength)
            throw new ImplausibleDimensionsException(path, $"shape {shape} is larger than one array can hold");
        var n = (int)Math.Min(3, ndims);
        var spacing = Pad(h["ElementSpacing"] ?? h["ElementSize"], n, 1, path, "ElementSpacing");
        var origin = Pad(h["Offset"] ?? h["Origin"] ?? h["Position"], n, 0, path, "Offset");
        var matrixText = h["TransformMatrix"] ?? h["Rotation"] ?? h["Orientation"];
        var direction = Matrix3.Identity;
        if (matrixText is not null)
        {
            var m = TextHeader.ParseDoubles(matrixText, path, "TransformMatrix", n * n);
            var columns = new Vector3D[3];
            for (var axis = 0; axis < 3; axis++)
                columns[axis] = axis < n
                    ? new Vector3D(m[axis * n], n > 1 ? m[(axis * n) + 1] : 0, n > 2 ? m[(axis * n) + 2] : 0)
                    : new Vector3D(axis == 0 ? 1 : 0, axis == 1 ? 1 : 0, axis == 2 ? 1 : 0);
            direction = Matrix3.FromColumns(columns[0], columns[1], columns[2]);
        }

        VolumeGeometry geometry;
        try
        {
            geometry = new VolumeGeometry(shape, Vector3D.Create(spacing), Vector3D.Create(origin), direction);
        }
        catch (ArgumentException e)
        {
            throw new ImplausibleDimensionsException(path, $"the MetaImage geometry is unusable: {e.Message}");
        }

        var type = MetaImageTypes.Parse(Required(h, "ElementType", path), path);
        var msb = IsTrue(h["BinaryDataByteOrderMSB"] ?? h["ElementByteOrderMSB"]);
        if (h["BinaryData"] is { } binary && !IsTrue(binary))
            throw new UnsupportedFeatureException(path, "ASCII MetaImage data (BinaryData = False) is not supported");
        var compressed = IsTrue(h["CompressedData"]);
        var compressedSize = h["CompressedDataSize"] is { } cs ? TextHeader.ParseLong(cs, path, "CompressedDataSize") : -1;
        var headerSize = h["HeaderSize"] is { } hs ? TextHeader.ParseLong(hs, path, "HeaderSize") : 0;
        if (headerSize < -1)
            throw new MalformedHeaderException(path, $"HeaderSize {headerSize} is not valid");
        return new MetaImageLayout(geometry, type, channels, !msb, compressed, compressedSize, Required(h, "ElementDataFile", path), headerSize);
    }

    private static bool IsTrue(string? value) => value is not null && (value.Equals("True", StringComparison.OrdinalIgnoreCase) || value == "1");

    private static string Required(MetaImageHeader h, string key, string path) =>
        h[key] ?? throw new MalformedHeaderException(path, $"the required MetaImage field '{key}' is missing");

    private static double[] Pad(string? text, int n, double fill, string path, string field)
    {
        var result = new[] { fill, fill, fill };
        if (text is null)
            return result;
        var parsed = TextHeader.ParseDoubles(text, path, field, text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length);
        if (parsed.Length < n)
            throw new MalformedHeaderException(path, $"{field} has {parsed.Length} values for {n} dimensions");
        for (var i = 0; i < n; i++)
            result[i] = parsed[i];
        return result;
    }
}
