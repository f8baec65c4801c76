using Platform.Benchmarking;
using Platform.Testing;

namespace Platform.Load.Benchmarks;

/// <summary>
/// Resident memory of one process over the load (at the start, the peak of the per-second samples, and at the end),
/// and the CPU time it used meanwhile.
/// </summary>
public sealed record MemoryFigures(string Process, long Start, long Peak, long End, TimeSpan Cpu);

/// <summary>Samples the resident set (VmRSS in /proc/PID/status) of the platform's processes once a second.</summary>
public sealed class MemorySampler
{
    private readonly IReadOnlyList<ServiceProcess> _processes;
    private readonly Dictionary<string, (long Start, long Peak, long End)> _figures = [];
    private readonly Dictionary<string, (TimeSpan Start, TimeSpan End)> _cpu = [];

    public MemorySampler(IReadOnlyList<ServiceProcess> processes)
    {
        _processes = processes;
        Sample();
    }

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                Sample();
        }
        catch (OperationCanceledException)
        {
        }

        Sample();
    }

    public IReadOnlyList<MemoryFigures> Figures()
    {
        lock (_figures)
            return [.. _processes.Select(p => _figures.TryGetValue(p.Name, out var f) ? new MemoryFigures(p.Name, f.Start, f.Peak, f.End, Cpu(p.Name)) : new MemoryFigures(p.Name, 0, 0, 0, TimeSpan.Zero))];
    }

    /// <summary>The last resident set sampled of each process, for progress lines.</summary>
    public string Now()
    {
        lock (_figures)
            return string.Join(", ", _figures.Select(f => $"{f.Key} {Units.Bytes(f.Value.End)}"));
    }

    private TimeSpan Cpu(string process) => _cpu.TryGetValue(process, out var cpu) ? cpu.End - cpu.Start : TimeSpan.Zero;

    private void Sample()
    {
        lock (_figures)
        {
            foreach (var process in _processes)
            {
                if (process.HasExited || ProcessStatus.Read(process.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), ProcessStatus.Resident) is not { } rss)
                    continue;
                _figures[process.Name] = _figures.TryGetValue(process.Name, out var f)
                    ? (f.Start, Math.Max(f.Peak, rss), rss)
                    : (rss, rss, rss);
                using var running = System.Diagnostics.Process.GetProcessById(process.ProcessId);
                var cpu = running.TotalProcessorTime;
                _cpu[process.Name] = _cpu.TryGetValue(process.Name, out var c) ? (c.Start, cpu) : (cpu, cpu);
            }
        }
    }
}
