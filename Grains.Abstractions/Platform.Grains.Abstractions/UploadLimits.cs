namespace Platform.Grains.Abstractions;

/// <summary>
/// The largest documents a grain parses for a caller. The grains enforce them (a client need not be the WebUI), and
/// the pages use the same numbers for their upload pickers, so both refuse the same files with the same words.
/// </summary>
public static class UploadLimits
{
    /// <summary>A plan's JSON: a plan is a few kilobytes; 1 MiB leaves room for long comments and remappings.</summary>
    public const int PlanJsonBytes = 1024 * 1024;

    /// <summary>A FRAN plan workbook (.xlsx, zipped): tens of plans are tens of kilobytes.</summary>
    public const int PlanWorkbookBytes = 10 * 1024 * 1024;

    /// <summary>A split file (nnU-Net's splits_final.json, FRAN's CSV): 300,000 cases at ~40 bytes each, with room.</summary>
    public const int SplitFileBytes = 20 * 1024 * 1024;

    /// <summary>Refuses <paramref name="bytes"/> over <paramref name="limit"/>, naming the field and both sizes.</summary>
    /// <exception cref="PlatformValidationException">The document is larger than the limit.</exception>
    public static void Require(string field, string what, long bytes, int limit)
    {
        if (bytes > limit)
            throw new PlatformValidationException(field, $"The {what} is {Size(bytes)}; the largest accepted is {Size(limit)}.");
    }

    /// <summary>The size of a text document as a file (UTF-8), what the limits count.</summary>
    public static long Utf8Bytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.#} MiB" : $"{bytes / 1024.0:0.#} KiB";
}
