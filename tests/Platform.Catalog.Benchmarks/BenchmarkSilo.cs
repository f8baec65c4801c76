using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Silo.Hosting;
using Platform.Testing;

namespace Platform.Catalog.Benchmarks;

/// <summary>
/// A silo in this process, configured as the real one (the silo's appsettings.json and hosting code) on a
/// throw-away database and data root, trusting a signing key made for this run. The same pattern as the
/// grain tests' InProcessSilo, kept here so the benchmark does not depend on a test project.
/// </summary>
public sealed class BenchmarkSilo : IAsyncDisposable
{
    public const string Admin = "admin";

    private readonly IHost _host;
    private readonly byte[] _signingKey;

    private BenchmarkSilo(IHost host, byte[] signingKey) => (_host, _signingKey) = (host, signingKey);

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static async Task<BenchmarkSilo> StartAsync(string connectionString, string dataRoot)
    {
        var signingKey = RandomNumberGenerator.GetBytes(32);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Benchmark" });
        builder.Configuration
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "Silo", "Platform.Silo", "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{SiloHostingExtensions.DatabaseConnectionName}"] = connectionString,
                ["Orleans:ServiceId"] = "catalog-bench",
                ["Orleans:ClusterId"] = "catalog-bench",
                ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(),
                ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(),
                ["Platform:Identity:SigningKey"] = Convert.ToBase64String(signingKey),
                ["Platform:Identity:SystemKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Platform:Identity:PlatformAdmins:0"] = Admin,
                ["Platform:Storage:DataRoot"] = dataRoot,
            });
        builder.AddPlatformSilo();
        var host = builder.Build();
        await host.StartAsync();
        return new BenchmarkSilo(host, signingKey);
    }

    /// <summary>
    /// Makes the grain calls of the calling async flow come from the platform administrator. Tokens live ten
    /// minutes and a full run takes longer, so callers renew before each batch of calls. Being synchronous,
    /// the change stays visible in the calling async method.
    /// </summary>
    public void ActAsAdmin() => CallerCredentials.UseUserToken(UserTokens.Issue(Admin, _signingKey, DateTimeOffset.UtcNow));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
