using System.Globalization;

namespace Platform.Imaging.IO;

/// <summary>
/// A write that found its filesystem full (ENOSPC, or a disk quota exceeded): a fault of the storage, not of the
/// case or file being written, so the job stops here instead of failing every case after it the same way. The message
/// names what was being written, where, and how much space the filesystem has left. The write that throws it has
/// already removed its temporary file; what was there under the final name is untouched.
/// </summary>
public sealed class StorageFullException : IOException
{
    private const int NoSpaceErrno = 28;        // ENOSPC on Linux
    private const int QuotaExceededErrno = 122; // EDQUOT on Linux
    private const int WindowsDiskFull = 112;    // ERROR_DISK_FULL
    private const int WindowsHandleDiskFull = 39;

    public StorageFullException(string path, string writing, IOException cause)
        : this(path, writing, cause, FreeBytesAt(path))
    {
    }

    private StorageFullException(string path, string writing, IOException cause, long? freeBytes)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"No space left on device while writing {writing} '{path}' ({(freeBytes is long free ? FormatBytes(free) : "unknown space")} free on its filesystem)."), cause)
    {
        Path = path;
        FreeBytes = freeBytes;
    }

    /// <summary>The file whose write ran out of space.</summary>
    public string Path { get; }

    /// <summary>Bytes free to this process on the file's filesystem when the write failed (null when that cannot be read).</summary>
    public long? FreeBytes { get; }

    /// <summary>Whether <paramref name="error"/> says the filesystem (or the user's quota on it) is full.</summary>
    public static bool IsNoSpace(Exception error) => error switch
    {
        StorageFullException => true,
        IOException io when OperatingSystem.IsWindows() => (io.HResult & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull,
        IOException io => io.HResult is NoSpaceErrno or QuotaExceededErrno,
        _ => false,
    };

    /// <summary>Free bytes on the filesystem holding <paramref name="path"/> (its nearest existing folder), or null.</summary>
    public static long? FreeBytesAt(string path)
    {
        try
        {
            var folder = System.IO.Path.GetFullPath(path);
            while (!Directory.Exists(folder))
                folder = System.IO.Path.GetDirectoryName(folder) ?? throw new DirectoryNotFoundException(path);
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Bytes as people read them: "512 bytes", "37.5 KiB", "1.2 GiB".</summary>
    public static string FormatBytes(long bytes)
    {
        string[] units = ["KiB", "MiB", "GiB", "TiB"];
        if (bytes < 1024)
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }
}
