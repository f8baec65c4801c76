using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Grains.Tenancy;
using Platform.Testing;
using Xunit;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>The verifier's cache against a flood of forged API keys (well-formed, unknown), on the real key table.</summary>
public sealed class CallerVerifierCacheTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Forged_keys_are_refused_and_never_grow_the_cache_past_its_capacity()
    {
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        using var verifier = new CallerVerifier(new LabAccessStore(source), Options.Create(new IdentityOptions { SigningKey = TestSigningKey }), TimeProvider.System);

        var refused = 0;
        var attempts = CallerVerifier.CacheCapacity + 2_000;
        await Parallel.ForEachAsync(Enumerable.Range(0, attempts), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            var (_, _, forged) = ApiKeyFormat.New();
            if (await verifier.VerifyAsync(userToken: null, forged) is null)
                Interlocked.Increment(ref refused);
        });

        Assert.Equal(attempts, refused);
        Assert.InRange(verifier.CachedAnswers, 1, CallerVerifier.CacheCapacity);
    }

    private static readonly string TestSigningKey = Convert.ToBase64String(new byte[32]);
}
