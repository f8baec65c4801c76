using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Grains.Abstractions.Tenancy;
using Platform.Testing;
using Platform.Testing.Datasets;

namespace Platform.Load.Benchmarks;

/// <summary>How often one process logged one kind of warning or error (its header "[silo-web] warn: Category[event]" and the message with ids left out), and the first such message.</summary>
public sealed record LoggedProblem(string Header, int Count, string FirstMessage);

/// <summary>
/// The platform as separate processes on loopback: a throw-away database on the tests' PostgreSQL server, a
/// web-facing silo (never trains), a training silo (CPU, one training at a time), and the WebUI as the web tier's
/// Orleans client; plus this program's own cluster client, which calls the grains as a service would. Every process
/// writes into one log; lines at warning level or above are counted for the report.
/// </summary>
public sealed partial class LoadSystem : IAsyncDisposable
{
    public const string Admin = "admin";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Dictionary<string, string> _pending = [];
    private readonly Dictionary<string, LoggedProblem> _logged = [];
    private readonly List<ServiceProcess> _processes = [];
    private TestDatabaseHandle? _database;
    private IHost? _client;

    private LoadSystem(string clusterId) => ClusterId = clusterId;

    public string ClusterId { get; }
    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);
    public TempDataRoot Data { get; } = new();
    public TempDataRoot Work { get; } = new();
    public Uri WebUi { get; private set; } = null!;
    public string ConnectionString => (_database ?? throw new InvalidOperationException("Not started.")).ConnectionString;
    public IGrainFactory Grains => (_client ?? throw new InvalidOperationException("Not started.")).Services.GetRequiredService<IClusterClient>();
    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <summary>Warnings, errors and critical records the processes logged, by process and category, most frequent first.</summary>
    public IReadOnlyList<LoggedProblem> LoggedProblems
    {
        get
        {
            lock (_pending)
                return [.. _logged.Values.OrderByDescending(p => p.Count)];
        }
    }

    /// <summary>Signs the grain calls of the calling async flow as the platform administrator (seeding only).</summary>
    public void ActAsAdmin() => CallerCredentials.UseUserToken(UserTokens.Issue(Admin, SigningKey, DateTimeOffset.UtcNow));

    public static async Task<LoadSystem> StartAsync()
    {
        var system = new LoadSystem($"load{Guid.NewGuid():N}"[..12]);
        try
        {
            await system.StartProcessesAsync();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task StartProcessesAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("load");
        var keys = new SiloKeys(Convert.ToBase64String(SigningKey), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var shared = new Dictionary<string, string>
        {
            ["Platform__Identity__PlatformAdmins__0"] = Admin,
            ["Platform__Storage__DataRoot"] = Data.Root,
            ["Platform__Storage__WorkRoot"] = Work.Root,
            ["Platform__Training__CpuTraining"] = "true",
            ["Platform__Training__ReconcileInterval"] = "00:00:02",
            // The tiny runs of three labs share the one CPU slot; let each lab queue behind the others fairly.
            ["Platform__Training__MaxRunningPerLab"] = "1",
            ["Platform__Engine__Threads"] = "1",
            ["Platform__Engine__LoaderWorkers"] = "1",
        };
        var web = SiloProcess.FreePortSet();
        var training = SiloProcess.FreePortSet();
        _processes.Add(SiloProcess.Create("silo-web", ConnectionString, ClusterId, web, Collect, keys,
            new Dictionary<string, string>(shared) { ["Platform__Training__Enabled"] = "false" }));
        _processes.Add(SiloProcess.Create("silo-training", ConnectionString, ClusterId, training, Collect, keys, shared));
        var webUiPort = FreePorts.Next();
        WebUi = new Uri($"http://127.0.0.1:{webUiPort}/");
        _processes.Add(WebUiProcess.Create(ConnectionString, ClusterId, [web.Gateway, training.Gateway], webUiPort, keys, Data.Root, Collect));

        // Silos first (the WebUI's client needs a gateway), the WebUI once they answer.
        using var timeout = new CancellationTokenSource(StartTimeout);
        foreach (var silo in _processes.Take(2))
            silo.Start();
        await Task.WhenAll(_processes.Take(2).Select(s => s.WaitHealthyAsync(StartTimeout, timeout.Token)));
        _processes[2].Start();
        await _processes[2].WaitHealthyAsync(StartTimeout, timeout.Token);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ServiceId"] = ClusterId,
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:Clustering:ProviderType"] = "Static",
            ["Orleans:Clustering:Gateways:0"] = $"127.0.0.1:{web.Gateway}",
        });
        builder.UseOrleansClient(_ => { });
        _client = builder.Build();
        await _client.StartAsync(timeout.Token);
    }

    /// <summary>
    /// The simple console formatter writes a record as a header line ("warn: Category[event]") and the message on the
    /// next line. Headers at warning level or above are held per process until their message arrives, then counted
    /// per process and category, keeping the first message of each.
    /// </summary>
    private void Collect(string line)
    {
        var end = line.IndexOf("] ", StringComparison.Ordinal);
        if (end < 0)
            return;
        var process = line[..(end + 1)];
        var text = line[(end + 2)..];
        lock (_pending)
        {
            if (_pending.Remove(process, out var header))
            {
                // One category logs many messages (the tenancy filter every refusal): count each kind of message apart.
                var kind = $"{header} {Ids().Replace(text.Trim(), "#")}";
                _logged[kind] = _logged.TryGetValue(kind, out var seen) ? seen with { Count = seen.Count + 1 } : new LoggedProblem(header, 1, text.Trim());
            }

            if (text.StartsWith("warn: ", StringComparison.Ordinal) || text.StartsWith("fail: ", StringComparison.Ordinal) || text.StartsWith("crit: ", StringComparison.Ordinal))
                _pending[process] = $"{process} {text}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        // The WebUI first, then the silos together.
        foreach (var process in Enumerable.Reverse(_processes).Take(1))
            await process.DisposeAsync();
        await Task.WhenAll(_processes.Take(2).Select(p => p.DisposeAsync().AsTask()));
        if (_database is not null)
            await _database.DisposeAsync();
        Data.Dispose();
        Work.Dispose();
    }

    /// <summary>Numbers, hexadecimal ids and times inside a log message, which differ between messages of one kind.</summary>
    [GeneratedRegex("[0-9a-f]{6,}|[0-9][0-9:.]*")]
    private static partial Regex Ids();
}
