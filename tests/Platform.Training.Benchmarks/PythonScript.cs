using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Platform.Training.Benchmarks;

/// <summary>Runs a reference script beside the benchmark with the same libtorch thread count and reads the JSON line it prints last.</summary>
internal static class PythonScript
{
    public static JsonElement Run(string python, string scriptName, int threads, IEnumerable<string> arguments)
    {
        var script = Path.Combine(AppContext.BaseDirectory, scriptName);
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The same thread count for libtorch's OpenMP pool as on our side.
        start.Environment["OMP_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{python} {script} exited with {process.ExitCode}: {stderr.Result}");
        using var json = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        return json.RootElement.Clone();
    }
}
