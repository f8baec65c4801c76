namespace Platform.Imaging.IO.Nrrd;

/// <summary>The fields of a NRRD header as written ("key: value"), keys lower-case; and where the data starts.</summary>
public sealed class NrrdHeader
{
    public required string Magic { get; init; }

    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    /// <summary>Byte offset just after the blank line that ends the header.</summary>
    public required long DataOffset { get; init; }

    public string? this[string key] => Fields.TryGetValue(key, out var v) ? v : null;

    /// <summary>
    /// Parses the header at the start of <paramref name="bytes"/>. The blank line must come within
    /// <see cref="TextHeader.MaxHeaderBytes"/>; detached headers (.nhdr) are refused.
    /// </summary>
    public static NrrdHeader Parse(ReadOnlySpan<byte> bytes, bool wholeFile, string path)
    {
        if (bytes.Length < 8 || !bytes[..7].SequenceEqual("NRRD000"u8) || bytes[7] < (byte)'1' || bytes[7] > (byte)'5')
            throw new BadMagicException(path, "not a NRRD file: it does not start with 'NRRD0001' to 'NRRD0005'");
        var window = bytes[..Math.Min(bytes.Length, TextHeader.MaxHeaderBytes)];
        var end = window.IndexOf("\n\n"u8);
        var endCrLf = window.IndexOf("\r\n\r\n"u8);
        long dataOffset;
        if (end >= 0 && (endCrLf < 0 || end < endCrLf))
            dataOffset = end + 2;
        else if (endCrLf >= 0)
            dataOffset = endCrLf + 4;
        else if (wholeFile && bytes.Length < TextHeader.MaxHeaderBytes)
            throw new TruncatedFileException(path, "the NRRD header has no terminating blank line (a detached .nhdr header, or a truncated file)");
        else
            throw new MalformedHeaderException(path, $"no blank line ends the NRRD header within {TextHeader.MaxHeaderBytes} bytes");

        var text = TextHeader.Decode(bytes[..(int)dataOffset]);
        var lines = text.Split('\n');
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in lines.Skip(1))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#') || line.Contains(":=", StringComparison.Ordinal))
                continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0)
                throw new MalformedHeaderException(path, $"NRRD header line '{line}' is not 'field: value'");
            fields[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 2)..].Trim();
        }

        return new NrrdHeader { Magic = lines[0].TrimEnd('\r'), Fields = fields, DataOffset = dataOffset };
    }
}
