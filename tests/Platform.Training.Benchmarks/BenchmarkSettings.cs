using System.Globalization;

namespace Platform.Training.Benchmarks;

/// <summary>Command-line settings shared by both sides of the comparison.</summary>
internal sealed record BenchmarkSettings(int Patch, int Batch, int Channels, int Classes, int[] Features, int Threads, int Warmup, int Steps, string Python)
{
    public static BenchmarkSettings Parse(string[] args)
    {
        var s = new BenchmarkSettings(32, 2, 1, 3, [16, 32, 64, 128], 2, 2, 5, "/usr/bin/python3");
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            s = args[i] switch
            {
                "--patch" => s with { Patch = NextInt() },
                "--batch" => s with { Batch = NextInt() },
                "--channels" => s with { Channels = NextInt() },
                "--classes" => s with { Classes = NextInt() },
                "--features" => s with { Features = Next().Split(',').Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray() },
                "--threads" => s with { Threads = NextInt() },
                "--warmup" => s with { Warmup = NextInt() },
                "--steps" => s with { Steps = NextInt() },
                "--python" => s with { Python = Next() },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}. Options: --patch N --batch N --channels N --classes N --features a,b,c --threads N --warmup N --steps N --python PATH"),
            };
        }
        return s;
    }
}
