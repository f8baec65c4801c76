using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Platform.Grains.Telemetry;

/// <summary>
/// The platform's own meter, <c>Platform</c> (the service defaults export it over OTLP; the Aspire dashboard shows it
/// under Metrics): the training queue, epochs, preprocessing and datasource scans. The only place the platform creates
/// instruments; grains and executors report through the methods below.
/// </summary>
public static class PlatformMetrics
{
    public const string MeterName = "Platform";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<string, double> ScanFractions = new();
    private static int _queuedRuns;
    private static int _runningRuns;

    private static readonly Histogram<double> EpochDuration = Meter.CreateHistogram<double>(
        "platform.training.epoch.duration", "s", "Wall time of a training epoch, validation included");

    private static readonly Histogram<double> Iterations = Meter.CreateHistogram<double>(
        "platform.training.iterations_per_second", "{iteration}/s", "Training iterations per second in an epoch");

    private static readonly Counter<long> PreprocessedCases = Meter.CreateCounter<long>(
        "platform.preprocessing.cases", "{case}", "Cases preprocessed; its rate is the cases per second");

    private static readonly Counter<long> ScannedCases = Meter.CreateCounter<long>(
        "platform.datasource.scan.cases", "{case}", "Cases read by datasource scans; its rate is the cases per second");

    static PlatformMetrics()
    {
        Meter.CreateObservableGauge("platform.training.runs.queued", () => Volatile.Read(ref _queuedRuns), "{run}",
            "Jobs waiting for a training slot (reported by the silo that holds the scheduler)");
        Meter.CreateObservableGauge("platform.training.runs.running", () => Volatile.Read(ref _runningRuns), "{run}",
            "Jobs placed on a training slot");
        Meter.CreateObservableGauge("platform.datasource.scan.progress",
            () => ScanFractions.Select(s => new Measurement<double>(s.Value, new KeyValuePair<string, object?>("datasource", s.Key))),
            "1", "Fraction of its cases a running datasource scan has read");
    }

    /// <summary>The scheduler's queue after a change: how many wait and how many are placed.</summary>
    public static void QueueChanged(int queued, int running)
    {
        Volatile.Write(ref _queuedRuns, queued);
        Volatile.Write(ref _runningRuns, running);
    }

    public static void EpochCompleted(double seconds, double iterationsPerSecond)
    {
        EpochDuration.Record(seconds);
        if (double.IsFinite(iterationsPerSecond))
            Iterations.Record(iterationsPerSecond);
    }

    public static void CasesPreprocessed(int count)
    {
        if (count > 0)
            PreprocessedCases.Add(count);
    }

    /// <summary>A scan's progress; <paramref name="done"/> = <paramref name="total"/> ends it (the gauge drops it).</summary>
    public static void ScanProgressed(string datasource, int done, int total, int newlyRead)
    {
        if (newlyRead > 0)
            ScannedCases.Add(newlyRead);
        if (total <= 0 || done >= total)
            ScanFractions.TryRemove(datasource, out _);
        else
            ScanFractions[datasource] = (double)done / total;
    }
}
