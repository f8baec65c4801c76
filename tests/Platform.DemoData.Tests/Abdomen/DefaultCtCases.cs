using System.Diagnostics;
using Platform.DemoData.Abdomen;

namespace Platform.DemoData.Tests.Abdomen;

/// <summary>24 default CT cases, generated once for the tests that measure a dataset's statistics (about 0.25 s a case).</summary>
public sealed class DefaultCtCases
{
    public const int Count = 24;

    public DefaultCtCases()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        Cases = [.. Enumerable.Range(0, Count).Select(seed => AbdomenPhantom.Generate(seed))];
        MillisecondsPerCase = wall.Elapsed.TotalMilliseconds / Count;
        CpuMillisecondsPerCase = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Count;
        Images = [.. Cases.Select(c => c.Image.ConvertTo<float>().Data)];
    }

    public IReadOnlyList<AbdomenCase> Cases { get; }

    public IReadOnlyList<float[]> Images { get; }

    public double MillisecondsPerCase { get; }

    public double CpuMillisecondsPerCase { get; }
}
