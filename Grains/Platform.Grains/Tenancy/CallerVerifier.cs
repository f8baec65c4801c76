using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Tenancy;

/// <summary>
/// Turns the credential a call carries into a <see cref="VerifiedCaller"/>, and answers "what role does this
/// caller have in that lab?". Database answers are cached briefly (<see cref="CacheLifetime"/>) because the
/// filter asks on every call; a change made through this silo clears the cache at once, other silos see it
/// within the cache lifetime.
/// </summary>
public sealed class CallerVerifier(LabAccessStore store, IOptions<IdentityOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(2);

    private readonly byte[] _signingKey = options.Value.SigningKeyBytes();
    private readonly HashSet<string> _admins = options.Value.PlatformAdmins.ToHashSet(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Lab, string Principal), (LabRole Role, DateTimeOffset Until)> _roles = new();
    private readonly ConcurrentDictionary<string, ((string Lab, LabRole Role)? Key, DateTimeOffset Until)> _keys = new();

    /// <summary>The verified caller, or null when the call carries no credential or an invalid one.</summary>
    public async Task<VerifiedCaller?> VerifyAsync(string? userToken, string? apiKey)
    {
        if (userToken is not null)
        {
            var userId = UserTokens.Verify(userToken, _signingKey, clock.GetUtcNow());
            return userId is null ? null : new VerifiedCaller(userId, _admins.Contains(userId));
        }

        if (!ApiKeyFormat.TryParse(apiKey, out var keyId, out var secret))
            return null;

        var now = clock.GetUtcNow();
        var cacheKey = apiKey!;
        if (!_keys.TryGetValue(cacheKey, out var cached) || cached.Until < now)
        {
            cached = (await store.VerifyApiKeyAsync(keyId, secret), now + CacheLifetime);
            _keys[cacheKey] = cached;
        }

        return cached.Key is { } key ? new VerifiedCaller($"key:{keyId}", false, key.Lab, key.Role) : null;
    }

    public async Task<LabRole> RoleInLabAsync(VerifiedCaller caller, string labId)
    {
        if (caller.IsService)
            return caller.ServiceLab == labId ? caller.ServiceRole : LabRole.None;

        var now = clock.GetUtcNow();
        if (_roles.TryGetValue((labId, caller.PrincipalId), out var cached) && cached.Until >= now)
            return cached.Role;

        var role = await store.GetRoleAsync(labId, caller.PrincipalId);
        _roles[(labId, caller.PrincipalId)] = (role, now + CacheLifetime);
        return role;
    }

    /// <summary>Forgets cached answers about a lab after its members or keys changed on this silo.</summary>
    public void Invalidate(string labId)
    {
        foreach (var key in _roles.Keys.Where(k => k.Lab == labId))
            _roles.TryRemove(key, out _);
        _keys.Clear();
    }
}
