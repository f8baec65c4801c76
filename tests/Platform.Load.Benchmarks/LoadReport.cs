using Platform.Benchmarking;

namespace Platform.Load.Benchmarks;

/// <summary>Everything one load run measured, printed as one table at the end.</summary>
public sealed record LoadReport(
    LoadOptions Options,
    TimeSpan Startup,
    TimeSpan Seeding,
    TimeSpan Load,
    LatencyRecorder Recorder,
    LatencyRecorder Alone,
    IReadOnlyList<MemoryFigures> Memory,
    int RunsQueued,
    int CompletedDuringLoad,
    int CompletedAfterDrain,
    TimeSpan Drain,
    string RunStates,
    IReadOnlyList<LoggedProblem> LoggedProblems,
    string LoadAverageAtEnd)
{
    public void Print()
    {
        var line = new string('=', 104);
        Console.WriteLine();
        Console.WriteLine(line);
        Console.WriteLine($"Load benchmark: {Options.Sessions} browser sessions + {Options.ServiceReaders} service readers over {LoadOptions.Labs} labs for {Units.Seconds(Load)}" +
                          $"{(Options.CatalogCases is { } c ? $", a datasource of {c:N0} cases" : "")}; {Environment.ProcessorCount} cores, load average {LoadAverageAtEnd} at the end");
        Console.WriteLine($"Start (database, 2 silos, WebUI) {Units.Seconds(Startup)}; seeding {Units.Seconds(Seeding)}");
        Console.WriteLine(line);
        Console.WriteLine($"{"",-6} {"page / grain method",-52} {"count",7} {"errors",6} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9} {"max ms",9} {"alone p50",10}");
        foreach (var series in Recorder.Series)
        {
            var times = series.Snapshot();
            Console.WriteLine($"{series.Group,-6} {series.Name,-52} {times.Count,7} {series.Errors,6} {Ms(times, 0.50),9} {Ms(times, 0.95),9} {Ms(times, 0.99),9} {Ms(times, 1.0),9} {Ms(AloneTimes(series), 0.50),10}");
        }

        var total = Recorder.Series.Sum(s => s.Snapshot().Count);
        Console.WriteLine($"Requests {total:N0} ({total / Load.TotalSeconds:0.0}/s); errors {Recorder.Errors} (goal: none)");
        foreach (var message in Recorder.FirstErrors)
            Console.WriteLine($"  error: {message}");
        Console.WriteLine();
        Console.WriteLine($"{"process",-16} {"RSS at start",14} {"peak RSS",14} {"RSS at end",14} {"CPU",9} {"cores",6}   (VmRSS sampled every second over the load; CPU time over it)");
        foreach (var m in Memory)
            Console.WriteLine($"{m.Process,-16} {Units.Bytes(m.Start),14} {Units.Bytes(m.Peak),14} {Units.Bytes(m.End),14} {Units.Seconds(m.Cpu),9} {m.Cpu / Load,6:0.00}");
        Console.WriteLine();
        Console.WriteLine($"Runs completed: {CompletedDuringLoad} of {RunsQueued} during the load, {CompletedAfterDrain} of {RunsQueued} after up to {Units.Seconds(Drain)} more ({RunStates})");
        Console.WriteLine($"Warnings and errors the processes logged: {LoggedProblems.Sum(p => p.Count)} (by process and category; the first message of each)");
        foreach (var problem in LoggedProblems.Take(12))
            Console.WriteLine($"  {problem.Count,6} x {problem.Header}: {(problem.FirstMessage.Length > 160 ? problem.FirstMessage[..160] + "…" : problem.FirstMessage)}");
        Console.WriteLine(line);
        Console.WriteLine("page: a GET of the prerendered page by a signed-in session (own cookies), timed to the last byte; wrong when not 200,");
        Console.WriteLine("showing an error alert or missing the lab's own content. grain: the same reads through a cluster client with the lab's");
        Console.WriteLine("viewer key. '(refused)' rows ask another lab and count an error only when it was not refused. Percentiles: nearest rank.");
        Console.WriteLine($"alone p50: the same call by one session and one reader with nothing else running ({Options.BaselineSeconds} s before the load; runs already queued).");
    }

    private IReadOnlyList<double> AloneTimes(LatencySeries series) =>
        Alone.Series.FirstOrDefault(s => s.Group == series.Group && s.Name == series.Name)?.Snapshot() ?? [];

    private static string Ms(IReadOnlyList<double> times, double p) => times.Count == 0 ? "-" : Units.Ms(Percentiles.NearestRank([.. times], p));
}
