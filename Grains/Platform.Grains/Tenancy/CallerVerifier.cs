using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Platform.Grains.Abstractions.Tenancy;

namespace Platform.Grains.Tenancy;

/// <summary>
/// Turns the credential a call carries into a <see cref="VerifiedCaller"/>, and answers "what role does this
/// caller have in that lab?". Database answers are cached briefly (<see cref="CacheLifetime"/>) because the
/// filter asks on every call; a change made through this silo clears the cache at once, other silos see it
/// within the cache lifetime. The cache is bounded (<see cref="CacheCapacity"/> answers): anyone can send
/// well-formed forged keys, and each would otherwise stay in memory.
/// </summary>
public sealed class CallerVerifier(LabAccessStore store, IOptions<IdentityOptions> options, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(2);

    public const int CacheCapacity = 10_000;

    private readonly byte[] _signingKey = options.Value.SigningKeyBytes();
    private readonly HashSet<string> _admins = options.Value.PlatformAdmins.ToHashSet(StringComparer.Ordinal);
    private MemoryCache _answers = NewCache();

    /// <summary>Answers held now (roles and keys together); never above <see cref="CacheCapacity"/>.</summary>
    public int CachedAnswers => _answers.Count;

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

        var cacheKey = ("key", apiKey!);
        if (!TryCached(cacheKey, out (string Lab, LabRole Role)? key))
        {
            key = await store.VerifyApiKeyAsync(keyId, secret);
            Remember(cacheKey, key);
        }

        return key is { } valid ? new VerifiedCaller($"key:{keyId}", false, valid.Lab, valid.Role) : null;
    }

    public async Task<LabRole> RoleInLabAsync(VerifiedCaller caller, string labId)
    {
        if (caller.IsService)
            return caller.ServiceLab == labId ? caller.ServiceRole : LabRole.None;

        var cacheKey = (labId, caller.PrincipalId);
        if (TryCached(cacheKey, out LabRole role))
            return role;

        role = await store.GetRoleAsync(labId, caller.PrincipalId);
        Remember(cacheKey, role);
        return role;
    }

    /// <summary>
    /// Forgets every cached answer after a lab's members or keys changed on this silo. All of them, not the lab's
    /// only: changes are rare, and a bounded cache cannot be searched by lab cheaply.
    /// </summary>
    public void Invalidate(string labId)
    {
        ArgumentException.ThrowIfNullOrEmpty(labId);
        Interlocked.Exchange(ref _answers, NewCache()).Dispose();
    }

    public void Dispose() => _answers.Dispose();

    private bool TryCached<T>(object key, out T value)
    {
        if (_answers.TryGetValue(key, out var cached) && cached is Answer<T> answer && answer.Until >= clock.GetUtcNow())
        {
            value = answer.Value;
            return true;
        }

        value = default!;
        return false;
    }

    private void Remember<T>(object key, T value)
    {
        var until = clock.GetUtcNow() + CacheLifetime;
        // Size 1 per answer: the limit counts answers. When full, the cache drops entries (oldest and least used
        // first, in the background); the next caller asks the database again.
        _answers.Set(key, new Answer<T>(value, until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
    }

    private static MemoryCache NewCache() => new(new MemoryCacheOptions { SizeLimit = CacheCapacity, CompactionPercentage = 0.25 });

    private sealed record Answer<T>(T Value, DateTimeOffset Until);
}
