using System.Diagnostics;
using Platform.DemoData.Layouts;
using Platform.DemoData.Phantoms;
using Platform.Imaging.Volumes;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Cli.Tests;

/// <summary>
/// The service-client example (it references only the grain contracts and an Orleans client) run as its own
/// process against the cluster with the lab's API key: it drives a whole workflow and reads the run's scores.
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

        var (exitCode, output) = await RunExampleAsync(new Dictionary<string, string>
        {
            ["PLATFORM_CONNECTION"] = cluster.ConnectionString,
            ["PLATFORM_CLUSTER_ID"] = cluster.ClusterId,
            ["PLATFORM_API_KEY"] = cluster.ApiKey,
            ["EXAMPLE_PROJECT"] = "service_example",
            ["EXAMPLE_FOLDER"] = "service",
            ["EXAMPLE_EPOCHS"] = "1",
            ["EXAMPLE_ITERATIONS"] = "2",
        });

        log.WriteLine(output);
        Assert.True(exitCode == 0, $"The example exited {exitCode}:\n{output}\nsilo:\n{cluster.SiloLog}");
        Assert.Contains($"lab: {cluster.Lab}", output);
        Assert.Contains("datasource: Idle, 4 valid", output);
        Assert.Contains("epoch 0: train loss", output);
        Assert.Contains("run: Completed", output);
        Assert.Contains("scores: label 1 mean Dice", output);
    }

    private static async Task<(int ExitCode, string Output)> RunExampleAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryPaths.ServiceAssembly("Platform.ServiceClient.Example"));
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

        return (process.ExitCode, $"{await stdout}\n{await stderr}");
    }
}
