using System.Security.Cryptography;

namespace Platform.AppHost;

/// <summary>
/// A random 32-byte base64 key made once per checkout and kept in .data/: the user-token key the WebUI signs with
/// and the silos verify with, and the system key only the silos hold.
/// </summary>
public static class IdentityKey
{
    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
