using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// A real silo with the Orleans dashboard turned on (its grains run there and collect statistics), on a real database,
/// and a raw Orleans client connected through the gateway as any program on the network could be: it holds no key and
/// sends no credential unless a test puts one in its request context.
/// </summary>
public sealed class OperatorGrainFixture : IAsyncLifetime
{
    private readonly TempDataRoot _data = new();
    private TestDatabaseHandle? _database;
    private TrainingSilo? _silo;
    private ClusterClient? _client;

    public string ClusterId { get; } = $"ops-{Guid.NewGuid():N}"[..12];
    public DeniedCalls Denied { get; } = new();
    public TrainingSilo Silo => _silo ?? throw new InvalidOperationException("Fixture not initialised.");
    public IClusterClient Client => (_client ?? throw new InvalidOperationException("Fixture not initialised.")).Client;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("operatorgrains");
        _silo = await TrainingSilo.StartAsync(_database.ConnectionString, ClusterId, _data.Root,
            new Dictionary<string, string?> { ["Platform:Dashboard:Enabled"] = "true", ["Platform:Training:Enabled"] = "false" },
            services =>
            {
                services.AddSingleton<ILoggerProvider>(Denied);
                // Report call statistics whether or not a dashboard is open, so a test sees the silo's reports arrive.
                services.Configure<GrainProfilerOptions>(options => options.TraceAlways = true);
            });
        _client = await ClusterClient.ConnectAsync(_database.ConnectionString, ClusterId, ClusterId);
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
            await _client.DisposeAsync();
        if (_silo is not null)
            await _silo.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        _data.Dispose();
    }
}
