using System.Globalization;

namespace Platform.Training.Benchmarks;

/// <summary>Runs sliding_window_predict.py: the same network and sliding-window arithmetic in PyTorch, in its own process.</summary>
internal static class PyTorchPrediction
{
    public static (double Seconds, long Parameters, long Tiles, double PeakGiB, string Version) Measure(PredictionSettings s)
    {
        var root = PythonScript.Run(s.Python, "sliding_window_predict.py", s.Threads,
        [
            "--image", Shape(s.Image), "--tile", Shape(s.Patch), "--features", string.Join(',', s.Features), "--classes", Str(s.Classes),
            "--tile-batch", Str(s.TileBatch), "--threads", Str(s.Threads), "--mirror", s.Mirror ? "1" : "0",
            "--step", s.Step.ToString(CultureInfo.InvariantCulture),
        ]);
        return (root.GetProperty("seconds").GetDouble(), root.GetProperty("parameters").GetInt64(), root.GetProperty("tiles").GetInt64(),
            root.GetProperty("peak_gib").GetDouble(), root.GetProperty("torch").GetString() ?? "?");
    }

    private static string Shape(Imaging.Volumes.Shape3 shape) => FormattableString.Invariant($"{shape.X},{shape.Y},{shape.Z}");

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
