using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.ClusterConnections;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Labs;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Connections;

/// <summary>
/// Two real silos with TLS on (the operator's self-signed certificate, as the operations guide makes one) form one
/// cluster, so silo-to-silo connections pass the certificate check; then clients try the gateway as a program on the
/// network would: without TLS, and with a certificate of their own. The gateway drops their connections during the
/// handshake and the Orleans client keeps retrying, so a refused client never finishes connecting: each is given the
/// same window in which a client with the operator's certificate connects and is answered (locally well under a second).
/// </summary>
public sealed class ClusterTlsTests : IAsyncLifetime
{
    private static readonly TimeSpan ConnectWindow = TimeSpan.FromSeconds(15);
    private readonly TempDataRoot _data = new();
    private readonly TestCertificates _certificates = new();
    private readonly List<TrainingSilo> _silos = [];
    private readonly string _clusterId = $"tls-{Guid.NewGuid():N}"[..12];
    private readonly int _gatewayPort = FreePorts.Next();
    private TestDatabaseHandle? _database;
    private string _certificate = "";

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("clustertls");
        _certificate = _certificates.Create("operator");
        foreach (var gatewayPort in new[] { _gatewayPort, FreePorts.Next() })
        {
            _silos.Add(await TrainingSilo.StartAsync(_database.ConnectionString, _clusterId, _data.Root, new Dictionary<string, string?>
            {
                ["Orleans:Endpoints:GatewayPort"] = gatewayPort.ToString(),
                ["Orleans:Tls:CertificatePath"] = _certificate,
                ["Orleans:Tls:CertificatePassword"] = TestCertificates.Password,
                ["Platform:Training:Enabled"] = "false",
            }));
        }
    }

    [Fact]
    public async Task The_silos_join_one_cluster_over_tls()
    {
        TestIdentity.ActAs(TestIdentity.Admin);
        var hosts = await _silos[0].Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal(2, hosts.Count);
    }

    [Fact]
    public async Task A_client_with_the_operators_certificate_connects_and_is_answered()
    {
        await using var client = await ConnectAsync(ClusterTls.Load(_certificate, TestCertificates.Password, []));
        TestIdentity.ActAs(TestIdentity.Admin);

        Assert.NotNull(await client.Services.GetRequiredService<IClusterClient>().GetGrain<ILabDirectoryGrain>(GrainKeys.LabDirectory).ListAsync());
    }

    [Fact]
    public async Task A_client_without_tls_is_refused()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => ConnectAsync(tls: null));
    }

    [Fact]
    public async Task A_client_with_a_certificate_of_its_own_is_refused()
    {
        var own = ClusterTls.Load(_certificates.Create("intruder"), TestCertificates.Password, []);

        await Assert.ThrowsAsync<TimeoutException>(() => ConnectAsync(own));
    }

    [Fact]
    public async Task A_client_that_trusts_the_gateway_but_presents_another_certificate_is_refused()
    {
        // It accepts the silo's certificate, so only the silo's check of the client's certificate can refuse it.
        var own = ClusterTls.Load(_certificates.Create("trusting-intruder"), TestCertificates.Password,
            [ClusterTls.Load(_certificate, TestCertificates.Password, []).Certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256)]);

        await Assert.ThrowsAsync<TimeoutException>(() => ConnectAsync(own));
    }

    /// <summary>A client of the first silo's gateway; TimeoutException when it is not connected within the window.</summary>
    private async Task<ConnectedClient> ConnectAsync(ClusterTls? tls)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ServiceId"] = _clusterId,
            ["Orleans:ClusterId"] = _clusterId,
        });
        builder.UseOrleansClient(client => client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, _gatewayPort)).UseClusterTls(tls));
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(ConnectWindow);
            return new ConnectedClient(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        _certificates.Dispose();
        _data.Dispose();
    }

    private sealed class ConnectedClient(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
