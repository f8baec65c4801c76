using System.Diagnostics;
using System.Globalization;
using Platform.Benchmarking;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Datasources;
using Platform.Load.Benchmarks;

// The load benchmark (issue 18, item 4). Prints figures; never fails on them. Not a test.
// Usage: dotnet run -c Release --project tests/Platform.Load.Benchmarks -- [--quick] [--seconds N] [--sessions N] [--service-readers N] [--runs N] [--drain N] [--cases N]
// Default: 50 sessions and 6 service readers for 120 s while 10 tiny runs train; --quick: 40 s and 3 runs;
// --cases N adds a datasource of N synthetic cases to the first lab, paged by its sessions' service readers.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

const string CatalogFolder = "catalog";
var clock = Stopwatch.StartNew();
Console.WriteLine("Starting PostgreSQL (the tests' server), a web-facing silo, a training silo and the WebUI…");
await using var system = await LoadSystem.StartAsync();
var startup = clock.Elapsed;
Console.WriteLine($"  up in {Units.Seconds(startup)}: WebUI {system.WebUi}");

clock.Restart();
Console.WriteLine($"Seeding {LoadOptions.Labs} labs (demo phantoms, plan, split, tiny plan version, member, service key):");
var labs = await LabSeeding.SeedAsync(system, LoadOptions.Labs);
if (options.CatalogCases is { } cases)
{
    var lab = labs[0];
    Console.WriteLine($"Writing and registering {cases:N0} synthetic cases in lab {lab.LabId}:");
    SyntheticCatalog.Write(Path.Combine(system.Data.LabRoot(lab.LabId), CatalogFolder), cases, edge: 4,
        done => Console.WriteLine($"  [generate {clock.Elapsed.TotalSeconds,7:0.0} s] {done,9:N0} cases written"));
    var catalog = system.Grains.GetGrain<IDatasourceGrain>(GrainKeys.Datasource(lab.LabId, lab.Project, CatalogFolder));
    await Registration.RunAsync("register", system.ActAsAdmin, catalog, d => d.RegisterAsync(CatalogFolder), cases);
    labs = [lab with { Catalog = CatalogFolder, CatalogCases = cases }, .. labs.Skip(1)];
}

var training = await TrainingRuns.QueueAsync(system, labs, options.Runs);
var seeding = clock.Elapsed;
Console.WriteLine($"  seeded in {Units.Seconds(seeding)}; {options.Runs} runs queued");

var recorder = new LatencyRecorder();
var sessions = new List<BrowserSession>();
for (var i = 0; i < options.Sessions; i++)
{
    var lab = labs[i % labs.Count];
    var session = new BrowserSession(system.WebUi, lab, labs[(i + 1) % labs.Count], [.. training.Runs.Where(r => r.Lab.LabId == lab.LabId)], recorder, seed: i);
    await session.SignInAsync();
    sessions.Add(session);
}

// The same reads by one session and one reader alone first: what a page costs when nothing else competes for the cores.
Console.WriteLine($"Alone: one session and one service reader for {options.BaselineSeconds} s…");
var alone = new LatencyRecorder();
using (var baseline = new CancellationTokenSource(TimeSpan.FromSeconds(options.BaselineSeconds)))
{
    var lab = labs[0];
    using var session = new BrowserSession(system.WebUi, lab, labs[1], [.. training.Runs.Where(r => r.Lab.LabId == lab.LabId)], alone, seed: -1);
    await session.SignInAsync();
    await Task.WhenAll(session.RunAsync(baseline.Token),
        new ServiceReader(system.Grains, lab, labs[1], [.. training.Runs.Where(r => r.Lab.LabId == lab.LabId)], alone, seed: -2).RunAsync(baseline.Token));
}

Console.WriteLine($"Load: {options.Sessions} signed-in sessions and {options.ServiceReaders} service readers for {options.Seconds} s…");
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
var memory = new MemorySampler(system.Processes);
clock.Restart();
var sampling = memory.RunAsync(stop.Token);
var watching = training.WatchAsync(stop.Token);
var progress = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        await Task.Delay(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        Console.WriteLine($"  [{clock.Elapsed.TotalSeconds,5:0} s] {recorder.Series.Sum(s => s.Snapshot().Count),7:N0} requests, {recorder.Errors} errors; runs: {training.StateCounts}; RSS {memory.Now()}; load average {LoadAverage.Read()}");
    }
});
var load = sessions.Select(s => Task.Run(() => s.RunAsync(stop.Token)))
    .Concat(Enumerable.Range(0, options.ServiceReaders).Select(i =>
        Task.Run(() => new ServiceReader(system.Grains, labs[i % labs.Count], labs[(i + 1) % labs.Count], [.. training.Runs.Where(r => r.Lab.LabId == labs[i % labs.Count].LabId)], recorder, seed: 1000 + i).RunAsync(stop.Token))));
await Task.WhenAll(load);
var loadTime = clock.Elapsed;
var loadAverage = LoadAverage.Read();
await Task.WhenAll(sampling, watching, progress);
await training.PollAsync();
var completedDuringLoad = training.Completed;

clock.Restart();
using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(options.DrainSeconds)))
{
    if (!training.AllFinal && options.DrainSeconds > 0)
        Console.WriteLine($"Waiting up to {options.DrainSeconds} s for the runs still queued or training ({training.StateCounts})…");
    await training.WatchAsync(drain.Token);
}

await training.PollAsync();
foreach (var failed in training.Unsuccessful)
    Console.WriteLine($"  run {failed.RunId} {failed.State}: {failed.History.LastOrDefault()?.Reason}");
foreach (var session in sessions)
    session.Dispose();

new LoadReport(options, startup, seeding, loadTime, recorder, alone, memory.Figures(), training.Runs.Count, completedDuringLoad, training.Completed, clock.Elapsed,
    training.StateCounts, system.LoggedProblems, loadAverage).Print();
return 0;
