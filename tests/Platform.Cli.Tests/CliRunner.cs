using System.Text.Json;
using Platform.Testing;

namespace Platform.Cli.Tests;

/// <summary>One in-process invocation of the tool: its exit code and what it wrote to standard output and error.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public JsonElement Json() => JsonDocument.Parse(Output).RootElement;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>Runs the tool's root command in-process with its own environment (no process-wide variables are touched).</summary>
public sealed class CliRunner(ClusterFixture cluster)
{
    public async Task<CliResult> RunAsync(params string[] args) => await RunWithAsync(new Dictionary<string, string>(), args);

    public async Task<CliResult> RunWithAsync(IReadOnlyDictionary<string, string> overrides, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["PLATFORM_GATEWAYS"] = cluster.Gateway,
            ["PLATFORM_TLS_CERTIFICATE"] = cluster.Certificate,
            ["PLATFORM_TLS_CERTIFICATE_PASSWORD"] = TestCertificates.Password,
            ["PLATFORM_CLUSTER_ID"] = cluster.ClusterId,
            ["PLATFORM_API_KEY"] = cluster.ApiKey,
            ["PLATFORM_WORK_ROOT"] = cluster.Work.Root,
        };
        foreach (var (key, value) in overrides)
            environment[key] = value;
        return await RunInAsync(environment, RepositoryPaths.Root, args);
    }

    /// <summary>
    /// The tool on a machine that has only the tool: no PLATFORM_* variable (no cluster, no work root, no API key) and
    /// a working directory outside any checkout.
    /// </summary>
    public static Task<CliResult> RunStandaloneAsync(string workingDirectory, params string[] args) =>
        RunInAsync(new Dictionary<string, string>(), workingDirectory, args);

    private static async Task<CliResult> RunInAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PlatformCli.RunAsync(args, CliConsole.Captured(output, error, environment, workingDirectory), CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
