using Platform.Imaging.Volumes;

namespace Platform.Imaging.IO.Nrrd;

/// <summary>What a NRRD header means: grid in LPS, type, channels and where they sit, encoding.</summary>
internal sealed record NrrdLayout(
    VolumeGeometry Geometry, VoxelType Type, int Channels, bool ChannelFastest, bool LittleEndian, string Encoding, long ByteSkip)
{
    public long DataBytes => Geometry.Shape.VoxelCount * Channels * VoxelTypes.SizeOf(Type);

    public static NrrdLayout Interpret(NrrdHeader h, string path, ReadOptions options)
    {
        var type = NrrdTypes.Parse(Required(h, "type", path), path);
        var dimension = TextHeader.ParseLong(Required(h, "dimension", path), path, "dimension");
        if (dimension is not (3 or 4))
            throw new UnsupportedDimensionalityException(path, $"NRRD dimension {dimension}; only 3D images, optionally with one channel axis, are read");
        var sizes = TextHeader.ParseLongs(Required(h, "sizes", path), path, "sizes");
        if (sizes.Length != dimension)
            throw new MalformedHeaderException(path, $"'sizes' has {sizes.Length} entries for dimension {dimension}");
        TextHeader.CheckSizes(sizes, options.MaxElements, path);
        if (h["data file"] is not null || h["datafile"] is not null)
            throw new UnsupportedFeatureException(path, "detached NRRD data ('data file') is not supported; save the image with attached data (.nrrd)");

        var (axes, channelAxis) = SpatialAxes(h, (int)dimension, path);
        var channels = channelAxis < 0 ? 1 : (int)sizes[channelAxis];
        if (channels > 1 && !options.ExtraDimensionsAsChannels)
            throw new UnsupportedDimensionalityException(path, $"the image has {channels} channels; read it with ExtraDimensionsAsChannels to get them");
        if (channelAxis is 1 or 2)
            throw new UnsupportedFeatureException(path, "a channel axis between spatial axes is not supported");
        var shape = new Shape3((int)sizes[axes[0]], (int)sizes[axes[1]], (int)sizes[axes[2]]);
        if (shape.VoxelCount > Array.MaxLength)
            throw new ImplausibleDimensionsException(path, $"shape {shape} is larger than one array can hold");

        var geometry = GeometryOf(h, axes, shape, path);
        var endian = (h["endian"] ?? "little").ToLowerInvariant();
        if (endian is not ("little" or "big"))
            throw new MalformedHeaderException(path, $"endian '{endian}' is neither little nor big");
        var encoding = Required(h, "encoding", path).ToLowerInvariant();
        var byteSkip = h["byte skip"] ?? h["byteskip"];
        var skip = byteSkip is null ? 0 : TextHeader.ParseLong(byteSkip, path, "byte skip");
        if (skip < -1 || skip > (1L << 40))
            throw new MalformedHeaderException(path, $"byte skip {skip} is not valid");
        if (h["line skip"] is { } lineSkip && TextHeader.ParseLong(lineSkip, path, "line skip") != 0)
            throw new UnsupportedFeatureException(path, "'line skip' in an attached-data NRRD is not supported");
        return new NrrdLayout(geometry, type, channels, channelAxis == 0, endian == "little", encoding, skip);
    }

    private static string Required(NrrdHeader h, string field, string path) =>
        h[field] ?? throw new MalformedHeaderException(path, $"the required NRRD field '{field}' is missing");

    /// <summary>Which axes are spatial (from 'space directions' 'none' entries or 'kinds'); the others are channels.</summary>
    private static (int[] Spatial, int ChannelAxis) SpatialAxes(NrrdHeader h, int dimension, string path)
    {
        var nonSpatial = new bool[dimension];
        if (h["space directions"] is { } directions)
        {
            var tokens = DirectionTokens(directions, path);
            if (tokens.Count != dimension)
                throw new MalformedHeaderException(path, $"'space directions' has {tokens.Count} entries for dimension {dimension}");
            for (var i = 0; i < dimension; i++)
                nonSpatial[i] = tokens[i] == "none";
        }
        else if (dimension == 4)
        {
            var kinds = (h["kinds"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < dimension && i < kinds.Length; i++)
                nonSpatial[i] = kinds[i] is not ("domain" or "space" or "time");
        }

        var spatial = Enumerable.Range(0, dimension).Where(i => !nonSpatial[i]).ToArray();
        if (spatial.Length != 3)
            throw new UnsupportedDimensionalityException(path, $"the NRRD image has {spatial.Length} spatial axes; exactly 3 are needed");
        return (spatial, dimension == 4 ? Enumerable.Range(0, 4).Single(i => nonSpatial[i]) : -1);
    }

    public static List<string> DirectionTokens(string value, string path)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < value.Length)
        {
            if (char.IsWhiteSpace(value[i]))
            {
                i++;
                continue;
            }

            if (value[i] == '(')
            {
                var close = value.IndexOf(')', i);
                if (close < 0)
                    throw new MalformedHeaderException(path, $"unbalanced parenthesis in '{value}'");
                tokens.Add(value[(i + 1)..close]);
                i = close + 1;
            }
            else if (string.CompareOrdinal(value, i, "none", 0, 4) == 0)
            {
                tokens.Add("none");
                i += 4;
            }
            else
            {
                throw new MalformedHeaderException(path, $"cannot parse vector list '{value}'");
            }
        }

        return tokens;
    }

    private static VolumeGeometry GeometryOf(NrrdHeader h, int[] axes, Shape3 shape, string path)
    {
        var toLps = SpaceToLps(h["space"], path);
        var columns = new Vector3D[3];
        if (h["space directions"] is { } directions)
        {
            var tokens = DirectionTokens(directions, path);
            for (var i = 0; i < 3; i++)
                columns[i] = toLps.Scale(Vector3D.Create(TextHeader.ParseDoubles(tokens[axes[i]], path, "space directions", 3)));
        }
        else
        {
            var spacings = h["spacings"] is { } s ? s.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            for (var i = 0; i < 3; i++)
            {
                var spacing = axes[i] < spacings.Length && spacings[axes[i]] != "nan" ? TextHeader.ParseDouble(spacings[axes[i]], path, "spacings") : 1.0;
                columns[i] = new Vector3D(i == 0 ? spacing : 0, i == 1 ? spacing : 0, i == 2 ? spacing : 0);
            }
        }

        var origin = h["space origin"] is { } o
            ? toLps.Scale(Vector3D.Create(TextHeader.ParseDoubles(DirectionTokens(o, path).Single(), path, "space origin", 3)))
            : Vector3D.Zero;
        var spacing3 = new Vector3D(columns[0].Length, columns[1].Length, columns[2].Length);
        try
        {
            return new VolumeGeometry(
                shape, spacing3, origin,
                Matrix3.FromColumns(columns[0] * (1 / spacing3.X), columns[1] * (1 / spacing3.Y), columns[2] * (1 / spacing3.Z)));
        }
        catch (ArgumentException e)
        {
            throw new ImplausibleDimensionsException(path, $"the NRRD space directions/origin are unusable: {e.Message}");
        }
    }

    /// <summary>Sign changes from the file's anatomical space to LPS; files without 'space' are taken as LPS.</summary>
    private static Vector3D SpaceToLps(string? space, string path) => (space ?? "left-posterior-superior").ToLowerInvariant() switch
    {
        "left-posterior-superior" or "lps" or "scanner-xyz" => new Vector3D(1, 1, 1),
        "right-anterior-superior" or "ras" => new Vector3D(-1, -1, 1),
        "left-anterior-superior" or "las" => new Vector3D(1, -1, 1),
        _ => throw new UnsupportedFeatureException(path, $"NRRD space '{space}' is not a 3D anatomical space we map to LPS"),
    };
}
