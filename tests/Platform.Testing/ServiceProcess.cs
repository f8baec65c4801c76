using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Platform.Testing;

/// <summary>
/// A platform service (a silo) run by a test as a child `dotnet` process: its output is prefixed with the
/// resource name, health is polled over HTTP, and it is stopped with SIGTERM so the host shuts down
/// gracefully (a silo leaves the cluster cleanly), with a hard kill only after a grace period.
/// </summary>
public sealed partial class ServiceProcess(
    string name,
    string assemblyPath,
    IReadOnlyDictionary<string, string> environment,
    Uri healthUrl,
    Action<string>? output = null,
    IReadOnlyList<string>? arguments = null) : IAsyncDisposable
{
    private readonly Action<string> _output = output ?? Console.WriteLine;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private Process? _process;

    public string Name => name;
    public bool HasExited => _process is { HasExited: true };
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException($"{name} has not been started.");
    public Task Exited { get; private set; } = Task.CompletedTask;

    public void Start()
    {
        if (!File.Exists(assemblyPath))
            throw new FileNotFoundException($"{name}: {assemblyPath} is missing; build the solution first (dotnet build Platform.sln).");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
        };
        start.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments ?? [])
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: could not start dotnet.");
        _process.EnableRaisingEvents = true;
        var exited = new TaskCompletionSource();
        _process.Exited += (_, _) => exited.TrySetResult();
        if (_process.HasExited)
            exited.TrySetResult();
        Exited = exited.Task;
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Polls the health endpoint until it answers 200, the process exits, or the timeout passes.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
                throw new InvalidOperationException($"{name} exited with code {ExitCode} before becoming healthy.");
            try
            {
                using var response = await Http.GetAsync(healthUrl, cancellationToken);
                if (response.IsSuccessStatusCode)
                    return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "health check timed out";
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException($"{name} did not become healthy at {healthUrl} within {timeout.TotalSeconds:0} s (last: {last}).");
    }

    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is null || _process.HasExited)
            return;

        _ = SendSignal(_process.Id, SigTerm);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            _output($"[{name}] did not stop within {grace.TotalSeconds:0} s; killing it.");
            _process.Kill(entireProcessTree: true);
            await Exited;
        }
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or a lost machine would.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await Exited;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(20));
        _process?.Dispose();
    }

    private void Write(string? line)
    {
        if (line is not null)
            _output($"[{name}] {line}");
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);
}
