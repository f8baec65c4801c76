using System.Diagnostics;
using Platform.DemoData.Layouts;
using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Cli.Tests;

/// <summary>
/// The service-client example (it references only the grain contracts and the client connection library) run as its
/// own process against the cluster with what a lab's service is given: the gateway address, the lab's API key and, TLS
/// being on, the operator's certificate. Its environment holds no database connection string and its build no database
/// driver: it drives a whole workflow and reads the run's scores all the same.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ServiceClientExampleTests(ClusterFixture cluster, ITestOutputHelper log)
{
    [Fact]
    public async Task The_example_service_trains_a_fold_through_the_grain_api_and_prints_its_scores()
    {
        // Small, coarse phantoms: auto-configuration then plans a small network that trains in seconds on a CPU.
        DemoDataset.WriteFran(Path.Combine(cluster.Data.LabRoot(cluster.Lab), "service"), "phantom", 4, seed: 70,
            new PhantomOptions { Shape = new Shape3(16, 16, 8), Spacing = new Vector3D(6, 6, 12) });

        var (exitCode, output, environment) = await RunExampleAsync(new Dictionary<string, string>
        {
            ["PLATFORM_GATEWAYS"] = cluster.Gateway,
            ["PLATFORM_TLS_CERTIFICATE"] = cluster.Certificate,
            ["PLATFORM_TLS_CERTIFICATE_PASSWORD"] = TestCertificates.Password,
            ["PLATFORM_CLUSTER_ID"] = cluster.ClusterId,
            ["PLATFORM_API_KEY"] = cluster.ApiKey,
            ["EXAMPLE_PROJECT"] = "service_example",
            ["EXAMPLE_FOLDER"] = "service",
            ["EXAMPLE_EPOCHS"] = "1",
            ["EXAMPLE_ITERATIONS"] = "2",
        });

        log.WriteLine(output);
        Assert.Empty(environment.Where(e => LooksLikeDatabaseCredentials(e.Key, e.Value)).Select(e => e.Key));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(ExampleAssembly)!, "Npgsql.dll")), "The example's build carries a PostgreSQL driver.");
        Assert.True(exitCode == 0, $"The example exited {exitCode}:\n{output}\nsilo:\n{cluster.SiloLog}");
        Assert.Contains($"lab: {cluster.Lab}", output);
        Assert.Contains("datasource: Idle, 4 valid", output);
        Assert.Contains("epoch 0: train loss", output);
        Assert.Contains("run: Completed", output);
        Assert.Contains("scores: label 1 mean Dice", output);
    }

    private static string ExampleAssembly => RepositoryPaths.ServiceAssembly("Platform.ServiceClient.Example");

    /// <summary>A connection string by name (ConnectionStrings__*, PLATFORM_CONNECTION) or by content (Npgsql's keys).</summary>
    private static bool LooksLikeDatabaseCredentials(string name, string? value) =>
        name.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
        || name.Equals("PLATFORM_CONNECTION", StringComparison.OrdinalIgnoreCase)
        || (value ?? "").Contains("Password=", StringComparison.OrdinalIgnoreCase)
        || (value ?? "").Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs the example with <paramref name="environment"/> and nothing of the test process's database settings.</summary>
    private static async Task<(int ExitCode, string Output, IReadOnlyDictionary<string, string?> Environment)> RunExampleAsync(
        IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ExampleAssembly);
        // The child inherits the test process's environment: drop whatever could hand it the database.
        foreach (var inherited in start.Environment.Where(e => LooksLikeDatabaseCredentials(e.Key, e.Value)).Select(e => e.Key).ToList())
            start.Environment.Remove(inherited);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The example did not finish within 4 minutes:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, $"{await stdout}\n{await stderr}", new Dictionary<string, string?>(start.Environment));
    }
}
