using Platform.Grains.Abstractions.Training;

namespace Platform.WebUI.Components.Runs;

/// <summary>
/// How long a run still needs, in words: remaining epochs × the mean epoch time so far while it trains, and the
/// queue's own estimate while it waits. Null for a finished run.
/// </summary>
public static class RunEta
{
    /// <summary>Remaining epochs × mean seconds per epoch; null before the first epoch or without a known total.</summary>
    public static TimeSpan? Remaining(IReadOnlyList<EpochMetrics> metrics, int? totalEpochs)
    {
        if (metrics.Count == 0 || totalEpochs is not { } total)
            return null;
        var remaining = Math.Max(0, total - RunEpochs.Done(metrics));
        return TimeSpan.FromSeconds(remaining * metrics.Average(m => m.Seconds));
    }

    public static string? Describe(RunState state, IReadOnlyList<EpochMetrics> metrics, int? totalEpochs, QueueEntryView? queue, DateTimeOffset now)
    {
        var remaining = Remaining(metrics, totalEpochs);
        return state switch
        {
            RunState.Queued => DescribeQueued(queue, remaining, now),
            RunState.Preparing => "Preparing the data; an estimate follows the first epoch.",
            // After the last epoch the run predicts and scores its validation cases before it completes.
            RunState.Running when totalEpochs is { } total && RunEpochs.Done(metrics) >= total => "Training done; predicting and scoring the validation cases.",
            RunState.Running when remaining is { } left => $"About {Format(left)} left ({Math.Max(0, totalEpochs!.Value - RunEpochs.Done(metrics))} epochs at {Format(TimeSpan.FromSeconds(metrics.Average(m => m.Seconds)))} each).",
            RunState.Running => "Training; an estimate follows the first epoch.",
            RunState.Paused when remaining is { } left => $"Paused; about {Format(left)} of training left once resumed.",
            RunState.Paused => "Paused.",
            _ => null,
        };
    }

    private static string DescribeQueued(QueueEntryView? queue, TimeSpan? remaining, DateTimeOffset now)
    {
        var place = queue is { Position: > 0 } ? $"Queued at position {queue.Position}" : "Queued";
        if (queue?.EstimatedStart is not { } start)
            return $"{place}; no start estimate yet (it needs a running training's speed).";
        var text = $"{place}; should start in about {Format(Max(start - now))}";
        if (queue.EstimatedFinish is { } finish)
            return $"{text} and finish in about {Format(Max(finish - now))}.";
        return remaining is { } left ? $"{text}, then needs about {Format(left)}." : $"{text}.";
    }

    private static TimeSpan Max(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

    /// <summary>A duration as people say it: "40 s", "12 min", "2 h 5 min", "3 d 4 h".</summary>
    public static string Format(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => $"{Math.Max(0, (int)Math.Round(span.TotalSeconds))} s",
        { TotalHours: < 1 } => $"{(int)Math.Round(span.TotalMinutes)} min",
        { TotalDays: < 1 } => span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => span.Hours == 0 ? $"{(int)span.TotalDays} d" : $"{(int)span.TotalDays} d {span.Hours} h",
    };
}
