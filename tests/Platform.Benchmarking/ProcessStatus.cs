using System.Globalization;

namespace Platform.Benchmarking;

/// <summary>
/// Memory figures the Linux kernel keeps per process in <c>/proc/PID/status</c> (resident set now and its high-water
/// mark), for this process ("self") or another one the benchmark started.
/// </summary>
public static class ProcessStatus
{
    public const string Resident = "VmRSS";
    public const string PeakResident = "VmHWM";

    /// <summary>The field in bytes, or null where the process has gone or the kernel does not report it.</summary>
    public static long? Read(string pid, string field)
    {
        try
        {
            var prefix = field + ":";
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? null : long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
