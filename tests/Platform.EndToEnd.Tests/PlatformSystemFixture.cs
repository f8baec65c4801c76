using System.Collections.Concurrent;
using Platform.LocalHosting.Processes;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole system as the README's start command brings it up (the AppHost: PostgreSQL, schema, silo,
/// WebUI), but on free ports and a throw-away database, so it never disturbs a platform already running.
/// Without the demo lab (<c>--no-demo</c>): the tests build their own labs and expect nothing else there.
/// </summary>
public class PlatformSystemFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _log = new();
    private ServiceProcess? _appHost;
    private string? _database;

    public Uri WebUi { get; private set; } = null!;
    public IEnumerable<string> Log => _log;

    /// <summary>AppHost options beyond ports and database.</summary>
    protected virtual IReadOnlyList<string> Options => ["--no-demo"];

    public async Task InitializeAsync()
    {
        // The shared test server is started here, not by the AppHost: an AppHost stops the server it started,
        // and other test processes may be using it.
        await TestPostgres.ServerAsync();
        _database = $"t_e2e_{Guid.NewGuid():N}";
        var webUiPort = FreePorts.Next();
        WebUi = new Uri($"http://127.0.0.1:{webUiPort}/");
        _appHost = new ServiceProcess("apphost", RepositoryPaths.ServiceAssembly("Platform.AppHost"), new Dictionary<string, string>(),
            new Uri(WebUi, "health"), _log.Enqueue,
            ["--webui-port", $"{webUiPort}", "--silo-http-port", $"{FreePorts.Next()}", "--silo-port", $"{FreePorts.Next()}",
             "--gateway-port", $"{FreePorts.Next()}", "--database", _database, "--cluster-id", _database, .. Options]);
        _appHost.Start();
        try
        {
            await _appHost.WaitHealthyAsync(TimeSpan.FromMinutes(3), CancellationToken.None);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"The system did not come up: {e.Message}\n{string.Join('\n', _log.TakeLast(60))}", e);
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (_appHost is not null)
            await _appHost.StopAsync(TimeSpan.FromSeconds(60));
        if (_database is not null)
            await (await TestPostgres.ServerAsync()).DropDatabaseAsync(_database);
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformSystemCollection : ICollectionFixture<PlatformSystemFixture>
{
    public const string Name = "system";
}
