using System.Globalization;

namespace Platform.Training.Benchmarks;

/// <summary>Runs unet_step.py, the same network and step in PyTorch, and reads the JSON line it prints.</summary>
internal static class PyTorchTrainingStep
{
    public static (double MillisecondsPerStep, long Parameters, string Version) Measure(BenchmarkSettings s)
    {
        var root = PythonScript.Run(s.Python, "unet_step.py", s.Threads,
        [
            "--patch", Str(s.Patch), "--batch", Str(s.Batch), "--channels", Str(s.Channels), "--classes", Str(s.Classes),
            "--features", string.Join(',', s.Features), "--threads", Str(s.Threads), "--warmup", Str(s.Warmup), "--steps", Str(s.Steps),
        ]);
        return (root.GetProperty("ms_per_step").GetDouble(), root.GetProperty("parameters").GetInt64(), root.GetProperty("torch").GetString() ?? "?");
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
