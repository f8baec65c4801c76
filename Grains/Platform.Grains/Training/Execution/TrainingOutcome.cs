using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Training.Execution;

public enum TrainingOutcomeKind { Completed = 0, Failed = 1, Stopped = 2 }

/// <summary>
/// How a training ended: completed with its result, failed with a reason people can act on (an unreadable
/// checkpoint, a plan the engine cannot train), or stopped because its token was cancelled (pause, cancel, silo stopping).
/// </summary>
public sealed record TrainingOutcome(TrainingOutcomeKind Kind, RunResultSummary? Result, string? Reason)
{
    public static TrainingOutcome Completed(RunResultSummary result) => new(TrainingOutcomeKind.Completed, result, null);

    public static TrainingOutcome Failed(string reason) => new(TrainingOutcomeKind.Failed, null, reason);

    public static TrainingOutcome Stopped() => new(TrainingOutcomeKind.Stopped, null, null);
}
