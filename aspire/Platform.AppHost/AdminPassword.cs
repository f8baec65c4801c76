using System.Security.Cryptography;

namespace Platform.AppHost;

/// <summary>
/// The first platform administrator's password: made once per checkout and kept in .data/admin.password
/// (readable by this user only), like the PostgreSQL password. The WebUI creates the account with it on first start.
/// </summary>
public static class AdminPassword
{
    /// <summary>The stored password, and whether it was made just now (then the caller prints it, this once).</summary>
    public static (string Password, bool Created) LoadOrCreate(string path)
    {
        if (File.Exists(path))
            return (File.ReadAllText(path).Trim(), false);

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // 120 random bits in URL-safe characters: easy to paste, far beyond guessing (and lockout stops trying).
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
        File.WriteAllText(path, password);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return (password, true);
    }
}
