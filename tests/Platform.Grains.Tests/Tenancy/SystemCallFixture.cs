using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Grains.Tests.Hosting;
using Platform.Grains.Tests.Scheduling;
using Platform.Grains.Training.Execution;
using Platform.Testing;
using Platform.Testing.Datasets;
using Xunit;

namespace Platform.Grains.Tests.Tenancy;

/// <summary>
/// A real silo that trains (so training slots can be placed on it, with a gated executor instead of the engine) on a
/// real database, the silo's own record of what its tenancy filter refused and let through, and a raw Orleans client
/// connected through the gateway as any program on the network could be: it holds no key and sends no credential
/// unless a test puts one in its request context.
/// </summary>
public sealed class SystemCallFixture : IAsyncLifetime
{
    private readonly TempDataRoot _data = new();
    private TestDatabaseHandle? _database;
    private TrainingSilo? _silo;
    private ClusterClient? _client;

    public string ClusterId { get; } = $"sys-{Guid.NewGuid():N}"[..12];
    public TrainingGateBoard Board { get; } = new();
    public DeniedCalls Denied { get; } = new();
    public PassedCalls Passed { get; } = new();
    public string ConnectionString => (_database ?? throw new InvalidOperationException("Fixture not initialised.")).ConnectionString;
    public TrainingSilo Silo => _silo ?? throw new InvalidOperationException("Fixture not initialised.");
    public IClusterClient Client => (_client ?? throw new InvalidOperationException("Fixture not initialised.")).Client;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("systemcalls");
        _silo = await TrainingSilo.StartAsync(ConnectionString, ClusterId, _data.Root,
            new Dictionary<string, string?> { ["Platform:Training:CpuTraining"] = "true" },
            services =>
            {
                services.AddSingleton<ITrainingExecutor>(sp => new GatedTrainingExecutor(Board, sp.GetRequiredService<ILocalSiloDetails>()));
                services.AddSingleton<ILoggerProvider>(Denied);
                // Registered after the silo's own filters, so it sees only what the tenancy filter let through.
                services.AddSingleton<IIncomingGrainCallFilter>(Passed);
            });
        _client = await ClusterClient.ConnectAsync(ConnectionString, ClusterId, ClusterId);
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
