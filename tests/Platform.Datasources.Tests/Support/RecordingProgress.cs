using System.Collections.Concurrent;
using Platform.Datasources.Scanning;

namespace Platform.Datasources.Tests.Support;

/// <summary>
/// Records reports synchronously (<see cref="Progress{T}"/> posts them to the thread pool, so a test would
/// race its own assertions); an optional callback lets a test act on a report, e.g. cancel.
/// </summary>
public sealed class RecordingProgress(Action<ScanProgress>? onReport = null) : IProgress<ScanProgress>
{
    private readonly ConcurrentQueue<ScanProgress> _reports = new();

    public IReadOnlyList<ScanProgress> Reports => [.. _reports];

    public void Report(ScanProgress value)
    {
        _reports.Enqueue(value);
        onReport?.Invoke(value);
    }
}
