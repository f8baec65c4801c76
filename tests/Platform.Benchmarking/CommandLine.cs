using System.Globalization;

namespace Platform.Benchmarking;

/// <summary>Reading the benchmarks' command-line switches.</summary>
public static class CommandLine
{
    /// <summary>The whole number after the switch at <c>index - 1</c>; a missing, malformed or too small one names the switch and the usage.</summary>
    public static int Number(IReadOnlyList<string> args, int index, int min, string usage)
    {
        if (index >= args.Count || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new ArgumentException($"'{args[index - 1]}' needs a whole number of at least {min}. {usage}");
        return value;
    }
}
