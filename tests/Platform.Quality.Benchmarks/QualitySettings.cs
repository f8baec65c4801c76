using System.Globalization;
using Platform.DemoData.Abdomen;

namespace Platform.Quality.Benchmarks;

/// <summary>
/// The command line. Epochs and iterations left unset follow the budget (<see cref="CpuBudget"/>); --quick is a tiny
/// run that only shows the program works. --mirror turns on nnU-Net's test-time mirroring (8 network passes per tile)
/// at validation and test: on 2 shared cores a mirrored 96 × 96 × 40 case took ~97 s against ~12 s, which no
/// 30–40 minute budget holds for 60 case predictions, so it is off unless asked for.
/// </summary>
internal sealed record QualitySettings(
    int Cases, int TestCases, int Folds, int? Epochs, int? Iterations, AbdomenModality Modality, int Seed, int Threads, bool Mirror, bool Quick, string? JsonPath)
{
    public const string Usage =
        "Options: --cases N --test-cases N --folds K --epochs N --iterations N --modality ct|mr --seed S --threads N --mirror --quick --json PATH";

    public static QualitySettings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var s = quick
            ? new QualitySettings(10, 3, 2, 2, 10, AbdomenModality.Ct, 1, 2, false, true, null)
            : new QualitySettings(30, 6, 5, null, null, AbdomenModality.Ct, 1, 2, false, false, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            s = args[i] switch
            {
                "--quick" => s,
                "--cases" => s with { Cases = NextInt() },
                "--test-cases" => s with { TestCases = NextInt() },
                "--folds" => s with { Folds = NextInt() },
                "--epochs" => s with { Epochs = NextInt() },
                "--iterations" => s with { Iterations = NextInt() },
                "--modality" => s with { Modality = Next().ToLowerInvariant() switch
                {
                    "ct" => AbdomenModality.Ct,
                    "mr" => AbdomenModality.Mr,
                    var m => throw new ArgumentException($"Unknown modality {m}: ct or mr."),
                } },
                "--seed" => s with { Seed = NextInt() },
                "--mirror" => s with { Mirror = true },
                "--threads" => s with { Threads = NextInt() },
                "--json" => s with { JsonPath = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}. {Usage}"),
            };
        }
        if (s.Folds < 2 || s.Cases < s.Folds || s.TestCases < 1 || s.Threads < 1)
            throw new ArgumentException("Give at least 2 folds, at least one training case per fold, at least one test case and one thread.");
        return s;
    }
}
