using System.Globalization;

namespace Platform.Training.Benchmarks;

/// <summary>Prints the predictor comparison: ours, then PyTorch's, then the ratio (figures only, no verdict).</summary>
internal static class PredictionComparison
{
    public static void Print(PredictionSettings s)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sliding-window prediction of a {s.Image.X}x{s.Image.Y}x{s.Image.Z} image: tile {s.Patch.X}x{s.Patch.Y}x{s.Patch.Z}, step {s.Step}, " +
            $"{(s.Mirror ? "mirroring over x, y, z (8 passes)" : "no mirroring")}, {s.TileBatch} tiles per batch, {s.Classes} classes, " +
            $"features [{string.Join(", ", s.Features)}], {s.Threads} thread(s)"));
        var ours = OurPrediction.Measure(s);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TorchSharp (ours): {ours.Seconds,8:F1} s, {ours.Tiles} tiles, peak resident {ours.PeakGiB:F2} GiB ({ours.Parameters:N0} parameters)"));
        var theirs = PyTorchPrediction.Measure(s);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PyTorch {theirs.Version,-9}: {theirs.Seconds,8:F1} s, {theirs.Tiles} tiles, peak resident {theirs.PeakGiB:F2} GiB ({theirs.Parameters:N0} parameters)"));
        if (ours.Parameters != theirs.Parameters || ours.Tiles != theirs.Tiles)
            Console.WriteLine("WARNING: parameter or tile counts differ, so the two sides do not do the same work.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio ours / PyTorch: time {ours.Seconds / theirs.Seconds:F2}, peak memory {ours.PeakGiB / theirs.PeakGiB:F2}"));
    }
}
