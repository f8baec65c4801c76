using System.Diagnostics;
using Platform.Grains.Abstractions.Datasources;

namespace Platform.Benchmarking;

/// <summary>
/// What one registration (or rescan) cost. Phases are as the status polls saw them, so each is known to
/// within one poll interval: until the first progress report (stored signatures loaded, folder listed, files
/// stat'ed), reading (headers and voxels of new or changed cases, statistics), and writing (catalog upserts
/// and counts, after the scanner has finished every case).
/// </summary>
public sealed record ScanFigures(
    string Name,
    int Cases,
    TimeSpan Wall,
    TimeSpan Listing,
    TimeSpan Reading,
    TimeSpan Writing,
    DatasourceStatus Final,
    long PeakWorkingSet,
    long PeakGcHeap,
    long Allocated,
    int Gen2Collections,
    TimeSpan Cpu)
{
    public double CasesPerSecond => Cases / Wall.TotalSeconds;

    /// <summary>Cores this process kept busy on average (2 is all of this machine).</summary>
    public double CoresBusy => Cpu.TotalSeconds / Wall.TotalSeconds;
}

/// <summary>
/// Starts a scan through the grain API and polls its status until it is no longer scanning. <c>actAs</c> signs the
/// calls that follow (called before each, since user tokens are short-lived). Memory and CPU are this process's: the
/// figures mean something where the silo runs in it (the catalog benchmark), and are printed for context elsewhere.
/// </summary>
public static class Registration
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PrintInterval = TimeSpan.FromSeconds(5);

    public static async Task<ScanFigures> RunAsync(string name, Action actAs, IDatasourceGrain datasource, Func<IDatasourceGrain, Task<DatasourceStatus>> start, int cases)
    {
        var memory = ProcessMemory.Start();
        var clock = Stopwatch.StartNew();
        actAs();
        await start(datasource);
        TimeSpan? listed = null, read = null;
        var lastPrint = TimeSpan.Zero;
        DatasourceStatus status;
        while (true)
        {
            actAs();
            status = (await datasource.GetStatusAsync())!;
            memory.Sample();
            var now = clock.Elapsed;
            if (status.State != ScanState.Scanning)
                break;
            var phaseChanged = false;
            if (listed is null && status.Total > 0)
                (listed, phaseChanged) = (now, true);
            if (read is null && status.Total > 0 && status.Done == status.Total)
                (read, phaseChanged) = (now, true);
            if (phaseChanged || now - lastPrint >= PrintInterval)
            {
                Print(name, now, status, memory, Phase(listed, read));
                lastPrint = now;
            }

            await Task.Delay(PollInterval);
        }

        var wall = clock.Elapsed;
        Print(name, wall, status, memory, "finished");
        if (status.State != ScanState.Idle)
            throw new InvalidOperationException($"The {name} ended {status.State}: {status.Error}");
        // A scan shorter than a poll is seen only at its end; its phases then count as writing.
        var listing = listed ?? wall;
        var reading = (read ?? listing) - listing;
        return new ScanFigures(name, cases, wall, listing, reading, wall - listing - reading, status,
            memory.PeakWorkingSet, memory.PeakGcHeap, memory.Allocated, memory.Gen2Collections, memory.Cpu);
    }

    private static string Phase(TimeSpan? listed, TimeSpan? read) =>
        listed is null ? "listing" : read is null ? "reading" : "writing catalog";

    private static void Print(string name, TimeSpan at, DatasourceStatus status, ProcessMemory memory, string phase) =>
        Console.WriteLine($"  [{name} {at.TotalSeconds,7:0.0} s] {phase,-15} {status.Done,9:N0}/{status.Total,-9:N0} failed {status.FailedSoFar,-6:N0}" +
                          $" RSS {Units.Bytes(memory.WorkingSet),9}  GC heap {Units.Bytes(memory.GcHeap),9}");
}
