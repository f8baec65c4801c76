using System.Security.Cryptography;

namespace Platform.Datasources.Scanning;

/// <summary>
/// What identifies a file's content cheaply: size and last write time, optionally a SHA-256 (hex).
/// The path is relative to the data root. Times are UTC and compared exactly, as stored.
/// </summary>
public sealed record FileSignature(string Path, long Size, DateTimeOffset LastWriteUtc, string? Sha256 = null)
{
    public static FileSignature Of(string relativePath, string fullPath, bool hash)
    {
        var info = new FileInfo(fullPath);
        string? sha = null;
        if (hash)
        {
            using var stream = info.OpenRead();
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        return new FileSignature(relativePath, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), sha);
    }

    /// <summary>
    /// Same content as far as we can tell: with hashes on both sides the hash and size decide (a touched but
    /// identical file is unchanged); otherwise size and write time.
    /// </summary>
    public bool SameContentAs(FileSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Path != other.Path || Size != other.Size)
            return false;
        return Sha256 is not null && other.Sha256 is not null
            ? string.Equals(Sha256, other.Sha256, StringComparison.OrdinalIgnoreCase)
            : LastWriteUtc == other.LastWriteUtc;
    }
}
