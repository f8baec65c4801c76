using System.Security.Cryptography;

namespace Platform.AppHost;

/// <summary>The key the WebUI signs user tokens with and the silos verify them with: made once per checkout, kept in .data/.</summary>
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
