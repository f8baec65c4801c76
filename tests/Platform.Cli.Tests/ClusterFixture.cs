using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.ClusterConnections;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Cli.Tests;

/// <summary>
/// One real Platform.Silo process that trains on the CPU with the real engine, on a throw-away database and temp
/// data and work roots, shared by the tests of the collection. It bootstraps a lab and a scientist's API key as the
/// platform administrator (a user token signed with the key the silo trusts); from then on tests use only the key.
/// TLS is on, with a self-signed certificate as an operator makes one: the CLI and the service example are given the
/// gateway, the key and the certificate, never the database.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Admin = "admin";
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentQueue<string> _log = new();
    private TestDatabaseHandle? _database;
    private ServiceProcess? _silo;

    public TempDataRoot Data { get; } = new();
    public TempDataRoot Work { get; } = new();
    public TestCertificates Certificates { get; } = new();

    /// <summary>The operator's certificate (a .pfx with <see cref="TestCertificates.Password"/>): silo, CLI and services present it.</summary>
    public string Certificate { get; private set; } = "";
    public string ClusterId { get; } = $"cli{Guid.NewGuid():N}"[..12];
    public string Lab { get; } = $"lab-{Guid.NewGuid():N}"[..12];
    public string ApiKey { get; private set; } = "";
    public string ConnectionString => (_database ?? throw new InvalidOperationException("Fixture not initialised.")).ConnectionString;

    /// <summary>The silo's gateway: all the CLI and services are given of the cluster (PLATFORM_GATEWAYS).</summary>
    public string Gateway { get; private set; } = "";

    /// <summary>The silo's output so far, for failure messages.</summary>
    public string SiloLog => string.Join('\n', _log.TakeLast(80));

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("cli");
        var ports = (Http: FreePorts.Next(), Silo: FreePorts.Next(), Gateway: FreePorts.Next());
        Gateway = $"127.0.0.1:{ports.Gateway}";
        Certificate = Certificates.Create("cluster");
        _silo = new ServiceProcess("silo", RepositoryPaths.ServiceAssembly("Platform.Silo"), new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{ports.Http}",
            ["ConnectionStrings__platformdb"] = ConnectionString,
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = ClusterId,
            ["Orleans__Endpoints__SiloPort"] = ports.Silo.ToString(),
            ["Orleans__Endpoints__GatewayPort"] = ports.Gateway.ToString(),
            ["Logging__Console__FormatterName"] = "simple",
            ["Platform__Identity__SigningKey"] = Convert.ToBase64String(_signingKey),
            // Silos only: the CLI under test never sees it.
            ["Platform__Identity__SystemKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Platform__Identity__PlatformAdmins__0"] = Admin,
            ["Orleans__Tls__CertificatePath"] = Certificate,
            ["Orleans__Tls__CertificatePassword"] = TestCertificates.Password,
            ["Platform__Storage__DataRoot"] = Data.Root,
            ["Platform__Storage__WorkRoot"] = Work.Root,
            // The real engine on the CPU, small enough for a 2-core CI machine.
            ["Platform__Training__CpuTraining"] = "true",
            ["Platform__Training__ReconcileInterval"] = "00:00:01",
            ["Platform__Engine__Threads"] = "2",
            ["Platform__Engine__LoaderWorkers"] = "1",
        }, new Uri($"http://127.0.0.1:{ports.Http}/health"), _log.Enqueue);
        _silo.Start();
        await _silo.WaitHealthyAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
        ApiKey = await BootstrapLabAsync();
    }

    /// <summary>As the platform administrator: create the lab and a scientist's service key (what a PI does once on the lab page).</summary>
    private async Task<string> BootstrapLabAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ServiceId"] = ClusterId,
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:Clustering:ProviderType"] = "Static",
            ["Orleans:Clustering:Gateways:0"] = Gateway,
        });
        builder.UseOrleansClient(client => client.UseClusterTls(ClusterTls.Load(Certificate, TestCertificates.Password, [])));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var grains = host.Services.GetRequiredService<IClusterClient>();
            CallerCredentials.UseUserToken(UserTokens.Issue(Admin, _signingKey, DateTimeOffset.UtcNow));
            var lab = grains.GetGrain<ILabGrain>(GrainKeys.Lab(Lab));
            await lab.CreateAsync("CLI test lab", Admin);
            var key = await lab.CreateApiKeyAsync("cli-tests", LabRole.Scientist);
            CallerCredentials.Clear();
            return key.Key;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        Data.Dispose();
        Work.Dispose();
        Certificates.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
