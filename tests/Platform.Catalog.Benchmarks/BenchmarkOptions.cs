using Platform.Benchmarking;

namespace Platform.Catalog.Benchmarks;

/// <summary>Command-line settings of one benchmark run.</summary>
public sealed record BenchmarkOptions(int Cases, int Edge, int Repeats, int Warmup, bool KeepDatabase)
{
    public const int DefaultCases = 300_000;
    public const int QuickCases = 5_000;
    public const int PageSize = 50;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(DefaultCases, Edge: 4, Repeats: 20, Warmup: 3, KeepDatabase: false);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options with { Cases = QuickCases },
                "--cases" => options with { Cases = Number(args, ++i, min: 1) },
                "--edge" => options with { Edge = Number(args, ++i, min: 2) },
                "--repeats" => options with { Repeats = Number(args, ++i, min: 1) },
                "--keep-database" => options with { KeepDatabase = true },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    public const string Usage =
        "Usage: dotnet run -c Release --project tests/Platform.Catalog.Benchmarks -- [--quick] [--cases N] [--edge E] [--repeats R] [--keep-database]";

    private static int Number(IReadOnlyList<string> args, int index, int min) => CommandLine.Number(args, index, min, Usage);
}
