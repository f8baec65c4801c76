using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Platform.Grains.Tenancy;

/// <summary>
/// Service API keys look like <c>plk_{key id}_{secret}</c>: the id finds the row, the 256-bit secret is
/// compared by hash. The prefix makes leaked keys easy to spot in logs and repositories.
/// </summary>
public static partial class ApiKeyFormat
{
    public static (string KeyId, string Secret, string FullKey) New()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (keyId, secret, $"plk_{keyId}_{secret}");
    }

    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        var match = key is null ? Match.Empty : Pattern().Match(key);
        keyId = match.Success ? match.Groups[1].Value : "";
        secret = match.Success ? match.Groups[2].Value : "";
        return match.Success;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    [GeneratedRegex("^plk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$")]
    private static partial Regex Pattern();
}
