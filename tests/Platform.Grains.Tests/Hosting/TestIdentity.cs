using System.Security.Cryptography;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Testing;

namespace Platform.Grains.Tests.Hosting;

/// <summary>
/// The signing key the test silos trust, and ways for a test to choose who it calls as. These set the Orleans
/// request context of the calling async flow, exactly as the WebUI and service clients do; call them from the
/// test method itself (not inside an awaited helper, whose context changes do not flow back).
/// </summary>
public static class TestIdentity
{
    public const string Admin = "admin";

    public static byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    public static string SigningKeyBase64 => Convert.ToBase64String(SigningKey);

    /// <summary>The key test silos sign their calls to each other with; tests use it only to forge what a client cannot.</summary>
    public static byte[] SystemKey { get; } = RandomNumberGenerator.GetBytes(32);

    public static string SystemKeyBase64 => Convert.ToBase64String(SystemKey);

    /// <summary>The keys silo processes started by tests trust.</summary>
    public static SiloKeys SiloKeys => new(SigningKeyBase64, SystemKeyBase64);

    public static void ActAs(string userId) => CallerCredentials.UseUserToken(UserTokens.Issue(userId, SigningKey, DateTimeOffset.UtcNow));

    public static void ActWithApiKey(string key) => CallerCredentials.UseApiKey(key);

    public static void ActAnonymously() => CallerCredentials.Clear();
}
