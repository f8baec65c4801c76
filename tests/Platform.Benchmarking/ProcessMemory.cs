using System.Diagnostics;

namespace Platform.Benchmarking;

/// <summary>
/// Memory and CPU of this process (the silo runs in it; PostgreSQL does not) over one phase. Peaks are
/// the larger of what the polls saw and, for the resident set, the kernel's high-water mark (VmHWM),
/// which is reset at the start of the phase so data generation does not count.
/// </summary>
public sealed class ProcessMemory
{
    private readonly TimeSpan _cpuAtStart;
    private readonly long _allocatedAtStart;
    private readonly int _gen2AtStart;
    private long _peakWorkingSet;
    private long _peakGcHeap;

    private ProcessMemory()
    {
        ResetKernelPeak();
        _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _allocatedAtStart = GC.GetTotalAllocatedBytes();
        _gen2AtStart = GC.CollectionCount(2);
        Sample();
    }

    public static ProcessMemory Start() => new();

    public long WorkingSet { get; private set; }
    public long GcHeap { get; private set; }

    public long PeakWorkingSet => Math.Max(_peakWorkingSet, KernelPeak() ?? 0);
    public long PeakGcHeap => _peakGcHeap;
    public long Allocated => GC.GetTotalAllocatedBytes() - _allocatedAtStart;
    public int Gen2Collections => GC.CollectionCount(2) - _gen2AtStart;
    public TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;

    public void Sample()
    {
        WorkingSet = Environment.WorkingSet;
        // Live objects now (no collection forced) and the heap the last collection left, whichever is larger:
        // the first misses garbage not yet collected, the second what was allocated since.
        GcHeap = Math.Max(GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().HeapSizeBytes);
        _peakWorkingSet = Math.Max(_peakWorkingSet, WorkingSet);
        _peakGcHeap = Math.Max(_peakGcHeap, GcHeap);
    }

    /// <summary>Writing 5 to clear_refs resets VmHWM (Linux 4.0+); where that is refused, the polls alone count.</summary>
    private static void ResetKernelPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The sampled peak remains.
        }
    }

    private static long? KernelPeak() => ProcessStatus.Read("self", ProcessStatus.PeakResident);
}
