using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Load.Benchmarks;

/// <summary>One row of the report: the times of every successful call of one page or grain method, and its errors.</summary>
public sealed class LatencySeries(string group, string name)
{
    private readonly List<double> _milliseconds = [];
    private int _errors;

    public string Group => group;
    public string Name => name;
    public int Errors => _errors;

    public void Add(double milliseconds)
    {
        lock (_milliseconds)
            _milliseconds.Add(milliseconds);
    }

    public void Fail() => Interlocked.Increment(ref _errors);

    public IReadOnlyList<double> Snapshot()
    {
        lock (_milliseconds)
            return [.. _milliseconds];
    }
}

/// <summary>
/// Times calls by name and keeps errors: a call that threw, or whose answer <c>check</c> finds wrong, is an error (its
/// time not counted), and the first few messages are kept to print.
/// </summary>
public sealed class LatencyRecorder
{
    private const int KeptMessages = 12;
    private readonly ConcurrentDictionary<string, LatencySeries> _series = new();
    private readonly ConcurrentQueue<string> _messages = new();
    private int _errors;

    public int Errors => _errors;
    public IReadOnlyCollection<string> FirstErrors => _messages;

    public IReadOnlyList<LatencySeries> Series => [.. _series.Values.OrderBy(s => s.Group, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Runs <paramref name="call"/>; <paramref name="check"/> returns null when the answer is right, else what is wrong.</summary>
    public async Task TimeAsync<T>(string group, string name, Func<Task<T>> call, Func<T, string?> check)
    {
        var series = _series.GetOrAdd($"{group}\u0000{name}", _ => new LatencySeries(group, name));
        var clock = Stopwatch.StartNew();
        string? problem;
        try
        {
            var answer = await call();
            clock.Stop();
            problem = check(answer);
        }
        catch (Exception e)
        {
            problem = $"{e.GetType().Name}: {e.Message}";
        }

        if (problem is null)
        {
            series.Add(clock.Elapsed.TotalMilliseconds);
            return;
        }

        series.Fail();
        if (Interlocked.Increment(ref _errors) <= KeptMessages)
            _messages.Enqueue($"{group} {name}: {Shorten(problem)}");
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
