using System.Security.Cryptography;
using System.Text;

namespace Platform.Grains.Abstractions.Tenancy;

/// <summary>
/// Short-lived tokens that say "the front end authenticated this user", signed with a key the front end and
/// the silos share (Platform:Identity:SigningKey). The silo accepts a user id only inside a valid token, so an
/// Orleans client without the key cannot act as a user. Format: <c>u1.{base64url user id}.{unix seconds}.{base64url HMAC-SHA256}</c>.
/// </summary>
public static class UserTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string Version = "u1";

    public static string Issue(string userId, byte[] signingKey, DateTimeOffset now)
    {
        UserIds.Require(userId);
        var payload = $"{Version}.{Base64Url(Encoding.UTF8.GetBytes(userId))}.{now.ToUnixTimeSeconds()}";
        return $"{payload}.{Base64Url(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(payload)))}";
    }

    /// <summary>The user id inside a valid, unexpired token; null for anything else.</summary>
    public static string? Verify(string? token, byte[] signingKey, DateTimeOffset now)
    {
        var parts = token?.Split('.');
        if (parts is not [Version, var user, var issued, var signature])
            return null;

        var expected = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes($"{parts[0]}.{user}.{issued}"));
        if (!TryFromBase64Url(signature, out var actual) || !CryptographicOperations.FixedTimeEquals(expected, actual))
            return null;
        if (!long.TryParse(issued, out var seconds))
            return null;
        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age > Lifetime || age < -TimeSpan.FromMinutes(1))
            return null;
        if (!TryFromBase64Url(user, out var userBytes))
            return null;
        var userId = Encoding.UTF8.GetString(userBytes);
        return UserIds.IsValid(userId) ? userId : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '=');
        bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
            return false;
        bytes = bytes[..written];
        return true;
    }
}
