using Platform.Benchmarking;

namespace Platform.Catalog.Benchmarks;

/// <summary>Everything one run measured, printed as one table at the end.</summary>
public sealed record Report(
    BenchmarkOptions Options,
    TimeSpan Generation,
    long BytesGenerated,
    TimeSpan Startup,
    ScanFigures Register,
    (long Rows, long TotalBytes, long IndexBytes) Catalog,
    IReadOnlyList<QueryFigures> Queries,
    ScanFigures Rescan)
{
    public void Print()
    {
        var line = new string('=', 100);
        Console.WriteLine();
        Console.WriteLine(line);
        Console.WriteLine($"Case catalog benchmark: {Options.Cases:N0} FRAN cases of {Options.Edge}x{Options.Edge}x{Options.Edge} voxels, " +
                          $"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine(line);
        Console.WriteLine($"{"Data generation (not registration)",-44} {Units.Seconds(Generation),10}   {Options.Cases * 2:N0} files, {Units.Bytes(BytesGenerated)}," +
                          $" {Units.Rate(Options.Cases / Generation.TotalSeconds)} cases/s");
        Console.WriteLine($"{"Database + silo start",-44} {Units.Seconds(Startup),10}");
        Console.WriteLine();
        Console.WriteLine($"{"Scan",-10} {"cases/s",9} {"wall",9} {"listing",9} {"reading",9} {"writing",9} {"cores",6} {"peak RSS",11} {"peak GC",11} {"allocated",11} {"gen2",5}");
        foreach (var scan in new[] { Register, Rescan })
        {
            Console.WriteLine($"{scan.Name,-10} {Units.Rate(scan.CasesPerSecond),9} {Units.Seconds(scan.Wall),9} {Units.Seconds(scan.Listing),9} {Units.Seconds(scan.Reading),9}" +
                              $" {Units.Seconds(scan.Writing),9} {scan.CoresBusy,6:0.00} {Units.Bytes(scan.PeakWorkingSet),11} {Units.Bytes(scan.PeakGcHeap),11}" +
                              $" {Units.Bytes(scan.Allocated),11} {scan.Gen2Collections,5}");
        }

        var c = Register.Final.Counts;
        Console.WriteLine($"Registered: {c.Valid:N0} valid, {c.Flagged:N0} flagged, {c.Invalid:N0} invalid, {c.Read:N0} read." +
                          $" Rescan: {Rescan.Final.Counts.Read:N0} read, {Rescan.Final.Counts.Unchanged:N0} unchanged, {Rescan.Final.Counts.Removed:N0} removed.");
        Console.WriteLine($"Catalog table: {Catalog.Rows:N0} rows, {Units.Bytes(Catalog.TotalBytes)} with indexes ({Units.Bytes(Catalog.IndexBytes)} of indexes)");
        Console.WriteLine();
        Console.WriteLine($"Page queries, pages of {BenchmarkOptions.PageSize}, up to {Options.Repeats} timed calls each (n) after up to {Options.Warmup} warm-up calls (milliseconds):");
        Console.WriteLine($"{"Query",-28} {"rows",5} {"matching",10} {"n",3} {"median",9} {"p95",9} {"max",9} {"store med",10} {"store p95",10}");
        foreach (var q in Queries)
        {
            Console.WriteLine($"{q.Name,-28} {q.Rows,5} {q.Total,10:N0} {q.Samples,3} {Units.Ms(q.GrainMedian),9} {Units.Ms(q.GrainP95),9} {Units.Ms(q.GrainMax),9}" +
                              $" {Units.Ms(q.StoreMedian),10} {Units.Ms(q.StoreP95),10}");
        }

        Console.WriteLine(line);
        Console.WriteLine("cases/s: cases in the folder / wall time from RegisterAsync (or RescanAsync) until the status left Scanning.");
        Console.WriteLine("listing: until the first progress report (stored signatures, folder listing, file stats); reading: until every");
        Console.WriteLine("case was done; writing: catalog upserts after that. Phases are as seen by polls every 250 ms. cores: this process's");
        Console.WriteLine("CPU time / wall (PostgreSQL runs in its own process and is not counted, nor in RSS). median/p95: ListCasesAsync");
        Console.WriteLine("through the grain; store: the same query on CaseCatalogStore directly, without the grain call (at most 5 calls).");
        Console.WriteLine("Slow queries get fewer timed calls (a 15 s budget each, at least 5 calls): see n.");
    }
}
