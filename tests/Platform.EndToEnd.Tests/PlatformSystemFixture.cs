using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole system as the README's start command brings it up (the Aspire AppHost: PostgreSQL, migration, silo,
/// WebUI), started through Aspire's testing host, on free ports and with a data folder of its own (its PostgreSQL
/// cluster and secrets in a temporary folder), so it never disturbs a platform already running.
/// Without the demo lab (<c>--demo false</c>): the tests build their own labs and expect nothing else there.
/// </summary>
public class PlatformSystemFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly ConcurrentQueue<string> _log = new();
    private readonly CancellationTokenSource _stopping = new();
    private DistributedApplication? _app;

    /// <summary>Secrets, the PostgreSQL cluster, the data root (<c>store/</c>) and the work root (<c>work/</c>) of this system.</summary>
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("platform-e2e-").FullName;

    /// <summary>The file store datasources are registered from (the AppHost's default: <c>store/</c> in the data folder).</summary>
    public string DataRoot => Path.Combine(DataFolder, "store");

    public Uri WebUi { get; private set; } = null!;

    /// <summary>The first administrator's password: the AppHost's <c>admin-password</c> parameter (made on this system's first start).</summary>
    public string AdminPassword { get; private set; } = "";

    /// <summary>Every resource's console output, prefixed with the resource's name.</summary>
    public IEnumerable<string> Log => _log;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not been started.");

    /// <summary>AppHost settings beyond ports and the data folder (the start command's switches).</summary>
    protected virtual IReadOnlyList<string> Options => ["--demo", "false"];

    public async Task InitializeAsync()
    {
        var webUiPort = FreePorts.Next();
        WebUi = new Uri($"http://127.0.0.1:{webUiPort}/");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            ["--data-folder", DataFolder, "--webui-port", $"{webUiPort}", "--gateway-port", $"{FreePorts.Next()}",
             "--postgres-port", $"{FreePorts.Next()}", .. Options]);
        _app = await builder.BuildAsync();
        foreach (var resource in builder.Resources)
            _ = CollectLogsAsync(resource.Name);

        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await _app.StartAsync(timeout.Token);
            await _app.ResourceNotifications.WaitForResourceHealthyAsync("webui", timeout.Token);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"The system did not come up: {e.Message}\n{string.Join('\n', _log.TakeLast(80))}", e);
        }

        AdminPassword = await builder.Resources.OfType<ParameterResource>().Single(p => p.Name == "admin-password").GetValueAsync(default) ?? "";
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _stopping.CancelAsync();
        _stopping.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still shutting down may hold a file; the temporary folder is cleared by the OS later.
        }
    }

    private async Task CollectLogsAsync(string resource)
    {
        try
        {
            await foreach (var lines in App.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(resource).WithCancellation(_stopping.Token))
            {
                foreach (var line in lines)
                    _log.Enqueue($"[{resource}] {line.Content}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformSystemCollection : ICollectionFixture<PlatformSystemFixture>
{
    public const string Name = "system";
}
