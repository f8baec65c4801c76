using System.Globalization;
using System.Text;

namespace Platform.Imaging.IO;

/// <summary>
/// Helpers for the text headers of NRRD and MetaImage: find where the header ends without trusting the
/// file (bounded search, so binary garbage cannot make us scan forever) and parse numbers invariantly.
/// </summary>
internal static class TextHeader
{
    /// <summary>Headers longer than this are refused; real ones are a few hundred bytes.</summary>
    public const int MaxHeaderBytes = 1 << 16;

    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    public static double ParseDouble(string text, string path, string field)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw new MalformedHeaderException(path, $"{field}: '{text}' is not a number");
        return value;
    }

    public static long ParseLong(string text, string path, string field)
    {
        if (!long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw new MalformedHeaderException(path, $"{field}: '{text}' is not an integer");
        return value;
    }

    public static double[] ParseDoubles(string text, string path, string field, int count)
    {
        var parts = text.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != count)
            throw new MalformedHeaderException(path, $"{field}: expected {count} numbers, found '{text}'");
        return parts.Select(p => ParseDouble(p, path, field)).ToArray();
    }

    public static long[] ParseLongs(string text, string path, string field)
    {
        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 16)
            throw new MalformedHeaderException(path, $"{field}: '{text}' is not a list of sizes");
        return parts.Select(p => ParseLong(p, path, field)).ToArray();
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Checks sizes and their product against the element cap before anything is allocated.</summary>
    public static void CheckSizes(IReadOnlyList<long> sizes, long maxElements, string path)
    {
        var product = 1.0;
        foreach (var size in sizes)
        {
            if (size < 1)
                throw new ImplausibleDimensionsException(path, $"size {size} in [{string.Join(' ', sizes)}]; every size must be at least 1");
            product *= size;
        }

        if (product > maxElements)
            throw new ImplausibleDimensionsException(path, $"sizes [{string.Join(' ', sizes)}] exceed the limit of {maxElements} elements");
    }
}
