namespace Platform.Load.Benchmarks;

/// <summary>
/// The machine's 1, 5 and 15 minute load averages (/proc/loadavg): the figures mean little when other work kept the
/// cores busy, so every report says how busy they were.
/// </summary>
public static class LoadAverage
{
    public static string Read()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
