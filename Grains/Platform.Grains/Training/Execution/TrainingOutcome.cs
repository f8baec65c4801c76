using Platform.Grains.Abstractions.Training;

namespace Platform.Grains.Training.Execution;

public enum TrainingOutcomeKind { Completed = 0, Failed = 1, Stopped = 2, Suspended = 3 }

/// <summary>
/// How a training ended: completed with its result, failed with a reason people can act on (an unreadable
/// checkpoint, a plan the engine cannot train), stopped because its token was cancelled (pause, cancel, silo stopping),
/// or suspended by a fault outside the run that a person removes (a full work root): the run pauses with the reason
/// and, resumed, goes on from its last complete checkpoint.
/// </summary>
public sealed record TrainingOutcome(TrainingOutcomeKind Kind, RunResultSummary? Result, string? Reason)
{
    public static TrainingOutcome Completed(RunResultSummary result) => new(TrainingOutcomeKind.Completed, result, null);

    public static TrainingOutcome Failed(string reason) => new(TrainingOutcomeKind.Failed, null, reason);

    public static TrainingOutcome Suspended(string reason) => new(TrainingOutcomeKind.Suspended, null, reason);

    public static TrainingOutcome Stopped() => new(TrainingOutcomeKind.Stopped, null, null);
}
