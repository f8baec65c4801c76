using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Grains.Tenancy;

/// <summary>
/// The one owner of "this call comes from a silo": a credential that proves a grain call was sent by silo code,
/// signed with a key only silos hold (<c>Platform:Identity:SystemKey</c>; front ends and services never see it, so
/// the WebUI's user-token key cannot sign it either). <see cref="SystemCallSigningFilter"/> attaches one to every
/// call a silo makes to a grain; <see cref="TenancyCallFilter"/> verifies it where a rule needs a silo
/// (<c>GrainToGrainOnly</c> methods, reminder ticks) and refuses any call that carries a credential it cannot verify.
/// Nothing else a message holds (its sending grain id, other request-context values) grants system rights.
/// <para>
/// Format: <c>s1.{unix milliseconds}.{base64url HMAC-SHA256}</c> over the version, the target grain id, the
/// interface type, the method name and the time, so a credential opens one method of one grain only.
/// </para>
/// <para>
/// Replay: a credential is accepted from <see cref="ClockSkew"/> before its time until <see cref="MaxAge"/> after,
/// with no record of credentials already seen. Orleans drops a request older than its response timeout (30 s by
/// default) before it reaches the filter, so an honest credential is never older than that plus the clock skew
/// between silos; two minutes leaves room for both. A nonce cache would only be sound if shared by every silo, and
/// it would guard against someone who already reads silo-to-silo traffic (who sees user tokens as well): that is what
/// TLS between silos is for. Clients never receive a credential to replay: the filter strips it before the grain
/// runs, and calls to clients (observers) are never signed. The arguments are not signed, so within the window a
/// copied credential could call the same method of the same grain with other arguments; binding the arguments would
/// mean hashing their serialized form on every call, which is not worth it behind that same eavesdropper.
/// </para>
/// </summary>
public sealed class SystemCallCredential(IOptions<IdentityOptions> options, TimeProvider clock)
{
    /// <summary>The request-context entry that carries the credential from silo to silo.</summary>
    public const string RequestContextKey = "platform.system-call";

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private const string Version = "s1";
    private readonly byte[] _key = options.Value.SystemKeyBytes();

    /// <summary>A credential for calling <paramref name="method"/> of <paramref name="interfaceType"/> on <paramref name="target"/> now.</summary>
    public string Sign(GrainId target, GrainInterfaceType interfaceType, string method) =>
        Sign(_key, target, interfaceType, method, clock.GetUtcNow());

    /// <summary>Signs with any key at any time. Only for tests that must show a wrong key or an old credential is refused.</summary>
    public static string Sign(byte[] key, GrainId target, GrainInterfaceType interfaceType, string method, DateTimeOffset at)
    {
        var time = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return $"{Version}.{time}.{Base64Url.EncodeToString(Mac(key, target, interfaceType, method, time))}";
    }

    /// <summary>True only for a credential signed with this deployment's key, for this very call, within the window.</summary>
    public bool Verify(string? credential, GrainId target, GrainInterfaceType interfaceType, string method)
    {
        if (credential?.Split('.') is not [Version, var time, var signature]
            || !long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
            return false;

        var expected = Mac(_key, target, interfaceType, method, time);
        var actual = new byte[expected.Length];
        if (!Base64Url.TryDecodeFromChars(signature, actual, out var written) || written != expected.Length
            || !CryptographicOperations.FixedTimeEquals(expected, actual))
            return false;

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return age <= MaxAge && age >= -ClockSkew;
    }

    private static byte[] Mac(byte[] key, GrainId target, GrainInterfaceType interfaceType, string method, string time) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Version}\n{target}\n{interfaceType}\n{method}\n{time}"));
}
