using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Platform.Training.Benchmarks;

/// <summary>Runs unet_step.py, the same network and step in PyTorch, and reads the JSON line it prints.</summary>
internal static class PyTorchTrainingStep
{
    public static (double MillisecondsPerStep, long Parameters, string Version) Measure(BenchmarkSettings s)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "unet_step.py");
        var start = new ProcessStartInfo(s.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script, "--patch", Str(s.Patch), "--batch", Str(s.Batch), "--channels", Str(s.Channels), "--classes", Str(s.Classes),
            "--features", string.Join(',', s.Features), "--threads", Str(s.Threads), "--warmup", Str(s.Warmup), "--steps", Str(s.Steps),
        })
            start.ArgumentList.Add(argument);
        // The same thread count for libtorch's OpenMP pool as on our side.
        start.Environment["OMP_NUM_THREADS"] = Str(s.Threads);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {s.Python}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{s.Python} {script} exited with {process.ExitCode}: {stderr.Result}");
        using var json = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        return (root.GetProperty("ms_per_step").GetDouble(), root.GetProperty("parameters").GetInt64(), root.GetProperty("torch").GetString() ?? "?");
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
