using System.Globalization;
using Platform.Imaging.Volumes;

namespace Platform.Training.Benchmarks;

/// <summary>Command-line settings of the predictor comparison, shared by both sides.</summary>
internal sealed record PredictionSettings(Shape3 Image, Shape3 Patch, int Classes, int[] Features, bool Mirror, double Step, int TileBatch, int Threads, string Python)
{
    /// <summary>A CT of 512 × 512 × 300 voxels, nnU-Net's 3d_fullres patch edge of 128 and a narrow network so a CPU finishes in minutes.</summary>
    public static PredictionSettings Default { get; } = new(new Shape3(512, 512, 300), new Shape3(128, 128, 128), 3, [8, 16, 32, 64, 128], true, 0.5, 2, 2, "/usr/bin/python3");

    public static PredictionSettings Parse(string[] args)
    {
        var s = Default;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int[] Numbers() => Next().Split(',').Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            Shape3 Shape() => Numbers() is [var x, var y, var z] ? new Shape3(x, y, z) : throw new ArgumentException("Give a shape as x,y,z.");
            s = args[i] switch
            {
                "--predict" => s,
                "--image" => s with { Image = Shape() },
                "--tile" => s with { Patch = Shape() },
                "--classes" => s with { Classes = Numbers()[0] },
                "--features" => s with { Features = Numbers() },
                "--no-mirror" => s with { Mirror = false },
                "--step" => s with { Step = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--tile-batch" => s with { TileBatch = Numbers()[0] },
                "--threads" => s with { Threads = Numbers()[0] },
                "--python" => s with { Python = Next() },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}. Options: --image x,y,z --tile x,y,z --classes N --features a,b,c --no-mirror --step F --tile-batch N --threads N --python PATH"),
            };
        }

        return s;
    }
}
