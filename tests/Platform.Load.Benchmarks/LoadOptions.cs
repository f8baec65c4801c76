using Platform.Benchmarking;

namespace Platform.Load.Benchmarks;

/// <summary>Command-line settings of one load run.</summary>
public sealed record LoadOptions(int Seconds, int BaselineSeconds, int Sessions, int ServiceReaders, int Runs, int DrainSeconds, int? CatalogCases, bool Quick)
{
    public const int Labs = 3;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions(Seconds: 120, BaselineSeconds: 15, Sessions: 50, ServiceReaders: 6, Runs: 10, DrainSeconds: 60, CatalogCases: null, Quick: false);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options with { Seconds = 40, BaselineSeconds = 8, Runs = 3, DrainSeconds = 20, Quick = true },
                "--seconds" => options with { Seconds = Number(args, ++i, min: 5) },
                "--sessions" => options with { Sessions = Number(args, ++i, min: 1) },
                "--service-readers" => options with { ServiceReaders = Number(args, ++i, min: 0) },
                "--runs" => options with { Runs = Number(args, ++i, min: 0) },
                "--drain" => options with { DrainSeconds = Number(args, ++i, min: 0) },
                "--cases" => options with { CatalogCases = Number(args, ++i, min: 1) },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    public const string Usage =
        "Usage: dotnet run -c Release --project tests/Platform.Load.Benchmarks -- [--quick] [--seconds N] [--sessions N] [--service-readers N] [--runs N] [--drain N] [--cases N]";

    private static int Number(IReadOnlyList<string> args, int index, int min) => CommandLine.Number(args, index, min, Usage);
}
