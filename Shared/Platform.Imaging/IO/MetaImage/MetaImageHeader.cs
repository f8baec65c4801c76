namespace Platform.Imaging.IO.MetaImage;

/// <summary>
/// The "Key = Value" header of a MetaImage (.mha/.mhd). ElementDataFile is the last field; in a .mha with
/// "LOCAL" the voxels follow its line.
/// </summary>
public sealed class MetaImageHeader
{
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    public required long DataOffset { get; init; }

    public string? this[string key] => Fields.TryGetValue(key, out var v) ? v : null;

    public static MetaImageHeader Parse(ReadOnlySpan<byte> bytes, bool wholeFile, string path)
    {
        var window = bytes[..Math.Min(bytes.Length, TextHeader.MaxHeaderBytes)];
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (true)
        {
            var newline = window[position..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (wholeFile && window.Length == bytes.Length && fields.ContainsKey("ElementDataFile"))
                    break;
                if (fields.Count == 0)
                    throw new BadMagicException(path, "not a MetaImage file: no 'Key = Value' header");
                throw wholeFile && bytes.Length < TextHeader.MaxHeaderBytes
                    ? new TruncatedFileException(path, "the MetaImage header ends before ElementDataFile")
                    : new MalformedHeaderException(path, $"no ElementDataFile within {TextHeader.MaxHeaderBytes} bytes");
            }

            var line = TextHeader.Decode(window.Slice(position, newline)).TrimEnd('\r');
            position += newline + 1;
            if (line.Trim().Length == 0)
                continue;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                if (fields.Count == 0)
                    throw new BadMagicException(path, "not a MetaImage file: the first line is not 'Key = Value'");
                throw new MalformedHeaderException(path, $"MetaImage header line '{line}' is not 'Key = Value'");
            }

            var key = line[..eq].Trim();
            if (fields.Count == 0 && !key.Equals("ObjectType", StringComparison.OrdinalIgnoreCase) && !key.Equals("NDims", StringComparison.OrdinalIgnoreCase) && !key.Equals("Comment", StringComparison.OrdinalIgnoreCase))
                throw new BadMagicException(path, $"not a MetaImage file: it starts with '{key}' rather than ObjectType or NDims");
            fields[key] = line[(eq + 1)..].Trim();
            if (key.Equals("ElementDataFile", StringComparison.OrdinalIgnoreCase))
                break;
        }

        return new MetaImageHeader { Fields = fields, DataOffset = position };
    }
}
